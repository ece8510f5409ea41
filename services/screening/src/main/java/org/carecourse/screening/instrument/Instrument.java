package org.carecourse.screening.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The screening instruments a case records, with their item counts and answer ranges. */
public enum Instrument {
    PHQ9("phq-9", 9, 3),
    GAD7("gad-7", 7, 3),
    PCL5("pcl-5", 20, 4),
    CSSRS("c-ssrs", 6, 1);

    private final String code;
    private final int items;
    private final int maxAnswer;

    Instrument(String code, int items, int maxAnswer) {
        this.code = code;
        this.items = items;
        this.maxAnswer = maxAnswer;
    }

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
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown instrument: " + code));
    }
}
