package org.carecourse.screening.screeningcase.api;

import java.util.Optional;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Conditions in a patient's history that eligibility rules look at. Protocols refer to them by code. */
public enum HistoryCondition implements Coded {
    PSYCHOSIS("psychosis"),
    SCHIZOPHRENIA("schizophrenia"),
    BIPOLAR_DISORDER("bipolar-disorder"),
    CURRENT_MANIA("current-mania"),
    KETAMINE_HYPERSENSITIVITY("ketamine-hypersensitivity"),
    RAISED_INTRACRANIAL_PRESSURE("raised-intracranial-pressure"),
    RECENT_MI_OR_STROKE("recent-mi-or-stroke"),
    UNSTABLE_ANGINA("unstable-angina"),
    ANEURYSMAL_VASCULAR_DISEASE("aneurysmal-vascular-disease"),
    ARTERIOVENOUS_MALFORMATION("arteriovenous-malformation"),
    INTRACEREBRAL_HAEMORRHAGE("intracerebral-haemorrhage"),
    CONTROLLED_HYPERTENSION("controlled-hypertension"),
    GLAUCOMA("glaucoma"),
    EPILEPSY("epilepsy"),
    ARRHYTHMIA_OR_PROLONGED_QT("arrhythmia-or-prolonged-qt"),
    SEVERE_LIVER_DISEASE("severe-liver-disease");

    private final String code;

    HistoryCondition(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<HistoryCondition> find(String code) {
        return Coded.find(values(), code);
    }

    @JsonCreator
    public static HistoryCondition fromCode(String code) {
        return Coded.parse(values(), code, "condition");
    }
}
