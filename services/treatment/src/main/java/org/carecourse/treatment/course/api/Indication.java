package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.instruments.Instrument;
import org.carecourse.servicekit.domain.Coded;

/** What a course treats, and so the instrument its response, remission and futility are judged on. */
public enum Indication implements Coded {
    DEPRESSION("depression", Instrument.PHQ9),
    ANXIETY("anxiety", Instrument.GAD7),
    PTSD("ptsd", Instrument.PCL5),
    CHRONIC_PAIN("chronic-pain", Instrument.PAIN_NRS);

    private final String code;
    private final Instrument target;

    Indication(String code, Instrument target) {
        this.code = code;
        this.target = target;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public Instrument targetInstrument() {
        return target;
    }

    @JsonCreator
    public static Indication fromCode(String code) {
        return Coded.parse(values(), code, "indication");
    }
}
