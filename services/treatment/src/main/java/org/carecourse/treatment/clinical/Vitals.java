package org.carecourse.treatment.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One set of vital signs. */
public record Vitals(int systolic, int diastolic, int heartRate, int spo2, Instant takenAt) {

    /** Readings that forbid starting an infusion (strictly beyond the protocol's limits); empty if none. */
    public List<String> startViolations(TreatmentProtocol p) {
        List<String> violations = new ArrayList<>();
        if (systolic > p.vitalSigns().startMaxSystolic() || diastolic > p.vitalSigns().startMaxDiastolic()) {
            violations.add("blood pressure " + systolic + "/" + diastolic + " above " + p.vitalSigns().startMaxSystolic() + "/" + p.vitalSigns().startMaxDiastolic());
        }
        if (heartRate > p.vitalSigns().startMaxHeartRate()) {
            violations.add("heart rate " + heartRate + " above " + p.vitalSigns().startMaxHeartRate());
        }
        if (spo2 < p.vitalSigns().startMinSpo2()) {
            violations.add("SpO2 " + spo2 + " below " + p.vitalSigns().startMinSpo2());
        }
        return violations;
    }

    /** Readings during an infusion that hold it at once; empty if none. */
    public List<String> holdReasons(TreatmentProtocol p) {
        List<String> reasons = new ArrayList<>();
        if (systolic > p.vitalSigns().holdMaxSystolic() || diastolic > p.vitalSigns().holdMaxDiastolic()) {
            reasons.add("blood pressure " + systolic + "/" + diastolic + " above " + p.vitalSigns().holdMaxSystolic() + "/" + p.vitalSigns().holdMaxDiastolic());
        }
        if (spo2 < p.vitalSigns().holdMinSpo2()) {
            reasons.add("SpO2 " + spo2 + " below " + p.vitalSigns().holdMinSpo2());
        }
        return reasons;
    }
}
