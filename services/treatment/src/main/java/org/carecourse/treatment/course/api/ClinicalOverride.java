package org.carecourse.treatment.course.api;

import java.time.Instant;

/**
 * A prescriber set a protocol rule aside: which rule, who (the staff member's id), when, and why.
 * Kept in the event the override let through, so the reason can never be separated from the decision.
 */
public record ClinicalOverride(OverrideRule rule, String by, Instant at, String reason) {
}
