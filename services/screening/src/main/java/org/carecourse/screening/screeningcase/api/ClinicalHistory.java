package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the screening clinician recorded: history, current medications, baseline vitals,
 * pregnancy status, substance use and antidepressant trials of the current episode.
 */
public record ClinicalHistory(
        Set<HistoryCondition> conditions,
        List<Medication> medications,
        BaselineVitals vitals,
        Pregnancy pregnancy,
        boolean activeSubstanceUseDisorder,
        List<AntidepressantTrial> antidepressantTrials) {

    public ClinicalHistory {
        conditions = Set.copyOf(conditions);
        medications = List.copyOf(medications);
        antidepressantTrials = List.copyOf(antidepressantTrials);
    }

    public record Medication(String name, MedicationClass drugClass) {
    }

    public record BaselineVitals(int systolic, int diastolic, int heartRate, int spo2, double weightKg, double heightCm,
            Instant measuredAt) {
    }

    /** One antidepressant trial: did it reach an adequate dose, for how long, and with what response. */
    public record AntidepressantTrial(String drug, boolean adequateDose, int weeks, Response response) {
    }

    public enum Response implements Coded {
        NONE("none"), PARTIAL("partial"), RESPONDED("responded");

        private final String code;

        Response(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Response fromCode(String code) {
            return Coded.parse(values(), code, "response");
        }
    }

    public enum Pregnancy implements Coded {
        NOT_PREGNANT("not-pregnant"), PREGNANT("pregnant"), BREASTFEEDING("breastfeeding"), NOT_APPLICABLE("not-applicable");

        private final String code;

        Pregnancy(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Pregnancy fromCode(String code) {
            return Coded.parse(values(), code, "pregnancy status");
        }
    }
}
