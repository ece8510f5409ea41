package org.carecourse.treatment.course.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.treatment.course.api.AbortReason;

/** A session ended without a discharge, of either kind; an infusion stopped while running says what ran ({@code mgGiven}). */
record AbortBody(@NotNull AbortReason reason, @Size(max = FieldLimits.NOTE) String note, @DecimalMin("0") BigDecimal mgGiven) {
}
