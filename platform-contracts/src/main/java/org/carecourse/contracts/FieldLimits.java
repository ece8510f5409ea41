package org.carecourse.contracts;

/**
 * The maxima of every text and list, the same on the way in (request bodies, bean validation)
 * and on the wire (integration payloads): a field a clinician may fill can never grow a stored
 * event, a read model row or a Kafka record without bound. Generous for real clinical use;
 * listed in docs/reliability.md.
 */
public final class FieldLimits {

    /** A code from a fixed vocabulary: an outcome, a modality, a band, a rule name. */
    public static final int CODE = 64;
    /** A line a clinician types: a drug, a lot number, an adverse-event type, a witness, a name. */
    public static final int LINE = 200;
    /** A reason, a clinical decision, a safety plan: a few paragraphs. */
    public static final int NOTE = 4000;
    /** Items of any list: conditions, medications, trials, answers, fired rules, hold reasons. */
    public static final int LIST = 50;
    /** A correlation or causation id (a caller's X-Correlation-Id, or a message id). */
    public static final int CORRELATION_ID = 100;

    private FieldLimits() {
    }
}
