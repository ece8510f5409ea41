package org.carecourse.treatment.clinical;

import java.util.Optional;

import org.carecourse.instruments.Instrument;

/**
 * The clinical numbers a course is run by. They are clinic protocol data, copied into the course
 * when it opens so every later decision in the course is judged by the numbers it started with.
 *
 * @param doseMgPerKg            IV ketamine dose per kg of actual body weight
 * @param minMgPerKg             lowest dose titration may reach
 * @param maxMgPerKg             highest dose titration may reach
 * @param doseCapMg              dose above which a prescriber override is needed
 * @param weightValidDays        a weight older than this must be measured again before dosing
 * @param startMaxSystolic       do not start above this systolic BP
 * @param startMaxDiastolic      do not start above this diastolic BP
 * @param startMaxHeartRate      do not start above this heart rate
 * @param startMinSpo2           do not start below this SpO2
 * @param holdMaxSystolic        hold the infusion above this systolic BP
 * @param holdMaxDiastolic       hold the infusion above this diastolic BP
 * @param holdMinSpo2            hold the infusion below this SpO2
 * @param vitalsEveryMinutes     cadence of vitals during an infusion
 * @param dischargeObservationMinutes observation after the end of an infusion before discharge
 * @param inductionCount         infusions in the induction series
 * @param inductionWindowDays    days the induction series should fit in
 * @param minimumSpacingHours    minimum hours between two infusions
 * @param futilityAfterInfusions infusions without response after which futility is flagged
 * @param remsFormDueDays        days after a Spravato session by which its REMS form is due
 * @param spravatoObservationMinutes minimum observation after a Spravato dose
 * @param spravatoDelaySystolic  above this pre-dose systolic BP a Spravato dose is delayed unless a prescriber proceeds
 * @param spravatoDelayDiastolic above this pre-dose diastolic BP a Spravato dose is delayed unless a prescriber proceeds
 * @param preStartVitalsMaxAgeMinutes pre-start vitals older than this do not clear an infusion to start
 * @param spravatoPostDoseCheckMinutes when after a Spravato dose its post-dose BP is taken (~40 min)
 * @param spravatoPostDoseCheckToleranceMinutes how far the post-dose BP may be taken from that time
 * @param adverseEventReportingDays adverse events of a session are reported up to this many days after it ended
 * @param phq9Outcome            response and remission on the PHQ-9 (clinical-rules: 50 % drop, below 5)
 * @param gad7Outcome            on the GAD-7 (default 50 % drop, below 5: the minimal band)
 * @param pcl5Outcome            on the PCL-5 (default 50 % drop, below 33: under the provisional-PTSD cut-off,
 *                               which is also the cut-off its scoring uses during the course)
 * @param painOutcome            on the pain NRS (default 30 % drop, IMMPACT's moderately important change; below 4: mild)
 */
public record TreatmentProtocol(
        double doseMgPerKg, double minMgPerKg, double maxMgPerKg, double doseCapMg, int weightValidDays,
        int startMaxSystolic, int startMaxDiastolic, int startMaxHeartRate, int startMinSpo2,
        int holdMaxSystolic, int holdMaxDiastolic, int holdMinSpo2,
        int vitalsEveryMinutes, int dischargeObservationMinutes,
        int inductionCount, int inductionWindowDays, int minimumSpacingHours,
        int futilityAfterInfusions, int remsFormDueDays, int spravatoObservationMinutes,
        int spravatoDelaySystolic, int spravatoDelayDiastolic,
        int preStartVitalsMaxAgeMinutes, int spravatoPostDoseCheckMinutes, int spravatoPostDoseCheckToleranceMinutes,
        int adverseEventReportingDays,
        OutcomeCriteria phq9Outcome, OutcomeCriteria gad7Outcome, OutcomeCriteria pcl5Outcome, OutcomeCriteria painOutcome) {

    /** The criteria for an outcome instrument; none for the C-SSRS screener, which is no outcome measure. */
    public Optional<OutcomeCriteria> outcomeCriteria(Instrument instrument) {
        return Optional.ofNullable(switch (instrument) {
            case PHQ9 -> phq9Outcome;
            case GAD7 -> gad7Outcome;
            case PCL5 -> pcl5Outcome;
            case PAIN_NRS -> painOutcome;
            case CSSRS -> null;
        });
    }

    /** The published defaults (docs/services/treatment.md); clinics set their own. */
    public static TreatmentProtocol defaults() {
        return new TreatmentProtocol(0.5, 0.3, 1.0, 100.0, 30,
                160, 100, 110, 94,
                180, 110, 92,
                15, 30,
                6, 21, 24,
                3, 7, 120,
                140, 90,
                30, 40, 15,
                14,
                new OutcomeCriteria(50, 5), new OutcomeCriteria(50, 5), new OutcomeCriteria(50, 33), new OutcomeCriteria(30, 4));
    }
}
