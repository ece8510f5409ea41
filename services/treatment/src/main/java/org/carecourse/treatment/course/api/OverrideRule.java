package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.servicekit.domain.Coded;

/** A protocol rule a prescriber may set aside for one patient, with a reason kept in the event it let through. */
public enum OverrideRule implements Coded {
    DOSE_CAP("dose-cap"),
    MINIMUM_SPACING("minimum-spacing"),
    SERIES_COUNT("series-count"),
    SERIES_WINDOW("series-window"),
    SPRAVATO_BP_DELAY("spravato-bp-delay");

    private final String code;

    OverrideRule(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static OverrideRule fromCode(String code) {
        return Coded.parse(values(), code, "override rule");
    }
}
