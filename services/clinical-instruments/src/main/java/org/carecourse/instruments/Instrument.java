package org.carecourse.instruments;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The rating instruments of screening and of measurement during treatment, with their item counts and answer ranges. */
public enum Instrument implements Coded {
    PHQ9("phq-9", 9, 3),
    GAD7("gad-7", 7, 3),
    PCL5("pcl-5", 20, 4),
    CSSRS("c-ssrs", 6, 1),
    /** Pain numeric rating scale: one rating of average pain, 0 (none) to 10 (worst imaginable). */
    PAIN_NRS("pain-nrs", 1, 10);

    private final String code;
    private final int items;
    private final int maxAnswer;

    Instrument(String code, int items, int maxAnswer) {
        this.code = code;
        this.items = items;
        this.maxAnswer = maxAnswer;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public int items() {
        return items;
    }

    public int maxAnswer() {
        return maxAnswer;
    }

    @JsonCreator
    public static Instrument fromCode(String code) {
        return Coded.parse(values(), code, "instrument");
    }
}
