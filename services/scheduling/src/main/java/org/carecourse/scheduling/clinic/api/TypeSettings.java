package org.carecourse.scheduling.clinic.api;

/**
 * How a clinic runs one appointment type: its length, the chair's turnover after it (cleaning,
 * reset), the role of the clinician it needs and what the patient is told beforehand.
 */
public record TypeSettings(int minutes, int turnoverMinutes, StaffRole staffRole, String instructions) {
}
