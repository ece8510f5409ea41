package org.carecourse.treatment.course.web;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.carecourse.treatment.clinical.Vitals;

/** A reading; {@code takenAt} when charted later than taken (default: now). */
record VitalsBody(@Min(50) @Max(300) int systolic, @Min(20) @Max(200) int diastolic, @Min(20) @Max(250) int heartRate,
        @Min(50) @Max(100) int spo2, Instant takenAt) {

    Vitals takenBy(Instant now) {
        return new Vitals(systolic, diastolic, heartRate, spo2, takenAt != null ? takenAt : now);
    }
}
