package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.servicekit.domain.Coded;

/** Severity graded as CTCAE grades 1–5; grade 3 and above is followed up whether or not it is serious. */
public enum AdverseEventSeverity implements Coded {
    MILD("mild"),
    MODERATE("moderate"),
    SEVERE("severe"),
    LIFE_THREATENING("life-threatening"),
    DEATH("death");

    private final String code;

    AdverseEventSeverity(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** Severe and worse is followed up even when the event is not serious by the regulatory definition. */
    public boolean needsFollowUp() {
        return compareTo(SEVERE) >= 0;
    }

    @JsonCreator
    public static AdverseEventSeverity fromCode(String code) {
        return Coded.parse(values(), code, "adverse-event severity");
    }
}
