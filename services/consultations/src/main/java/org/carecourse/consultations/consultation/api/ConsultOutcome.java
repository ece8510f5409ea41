package org.carecourse.consultations.consultation.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the prescriber concluded at the consult; the last two need a written reason. */
public enum ConsultOutcome implements Coded {
    RECOMMEND_SCREENING("recommend-screening", false),
    REFER_OUT("refer-out", true),
    NOT_A_CANDIDATE("not-a-candidate", true);

    private final String code;
    private final boolean needsReason;

    ConsultOutcome(String code, boolean needsReason) {
        this.code = code;
        this.needsReason = needsReason;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public boolean needsReason() {
        return needsReason;
    }

    @JsonCreator
    public static ConsultOutcome fromCode(String code) {
        return Coded.parse(values(), code, "consult outcome");
    }
}
