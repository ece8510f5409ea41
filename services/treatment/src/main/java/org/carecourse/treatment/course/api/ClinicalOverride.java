package org.carecourse.treatment.course.api;

import java.time.Instant;

/**
 * A clinician set a protocol rule aside: who (the staff member's id), when, and why. Kept in the
 * event that the override let through, so the reason can never be separated from the decision.
 */
public record ClinicalOverride(String by, Instant at, String reason) {
}
