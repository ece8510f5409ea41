package org.carecourse.contracts;

/**
 * Topic naming: {@code carecourse.<context>.<aggregate>.v<N>}. Each producing context keeps its
 * topic names in its own class next to its payloads; this class holds only the rule.
 */
public final class Topics {

    private Topics() {
    }

    public static String name(String context, String aggregate, int version) {
        return "carecourse." + context + "." + aggregate + ".v" + version;
    }

    /** Where a consumer group parks records it could not process after its retries. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
