package org.carecourse.screening.screeningcase.api;

import java.util.Optional;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The class of a current medication, as the recording clinician classifies it. */
public enum MedicationClass implements Coded {
    SSRI("ssri"),
    SNRI("snri"),
    TRICYCLIC("tricyclic"),
    BUPROPION("bupropion"),
    MIRTAZAPINE("mirtazapine"),
    MAOI("maoi"),
    BENZODIAZEPINE("benzodiazepine"),
    LAMOTRIGINE("lamotrigine"),
    STIMULANT("stimulant"),
    MOOD_STABILISER("mood-stabiliser"),
    ANTIPSYCHOTIC("antipsychotic"),
    OPIOID("opioid"),
    ANTIHYPERTENSIVE("antihypertensive"),
    OTHER("other");

    private final String code;

    MedicationClass(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<MedicationClass> find(String code) {
        return Coded.find(values(), code);
    }

    @JsonCreator
    public static MedicationClass fromCode(String code) {
        return Coded.parse(values(), code, "medication class");
    }
}
