package org.carecourse.treatment.clinical;

import java.util.Optional;

import org.carecourse.instruments.Instrument;
import org.carecourse.servicekit.data.JsonResources;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The clinical numbers a course is run by, in named groups. They are clinic protocol data, copied
 * into the course when it opens so every later decision in the course is judged by the numbers it
 * started with. The published defaults are one file, {@code protocol/treatment-protocol-defaults.json}
 * (docs/services/treatment.md gives each number's source); a clinic publishes its own versions, each
 * number bounded here to a clinically plausible range.
 */
public record TreatmentProtocol(@NotNull @Valid DoseLimits dosing, @NotNull @Valid VitalSignLimits vitalSigns,
        @NotNull @Valid SeriesPlan series, @NotNull @Valid SpravatoMonitoring spravato, @NotNull @Valid OutcomeRules outcomes,
        @NotNull @Valid AdverseEventReporting adverseEvents) {

    private static final String DEFAULTS = "/protocol/treatment-protocol-defaults.json";
    private static final TreatmentProtocol PUBLISHED_DEFAULTS = JsonResources.read(TreatmentProtocol.class, DEFAULTS);

    /**
     * IV ketamine dosing.
     *
     * @param mgPerKg         the dose per kg of actual body weight
     * @param minMgPerKg      the lowest dose titration may reach
     * @param maxMgPerKg      the highest dose titration may reach
     * @param capMg           the dose above which a prescriber's override is needed
     * @param weightValidDays a weight older than this is measured again before dosing
     */
    public record DoseLimits(@DecimalMin("0.1") @DecimalMax("2.0") double mgPerKg, @DecimalMin("0.1") @DecimalMax("2.0") double minMgPerKg,
            @DecimalMin("0.1") @DecimalMax("2.0") double maxMgPerKg, @DecimalMin("10") @DecimalMax("300") double capMg,
            @Min(1) @Max(180) int weightValidDays) {

        @JsonIgnore
        @AssertTrue(message = "minMgPerKg <= mgPerKg <= maxMgPerKg")
        public boolean isRangeConsistent() {
            return minMgPerKg <= mgPerKg && mgPerKg <= maxMgPerKg;
        }
    }

    /**
     * Vital signs around an infusion.
     *
     * @param startMaxSystolic            no start above this systolic BP
     * @param startMaxDiastolic           no start above this diastolic BP
     * @param startMaxHeartRate           no start above this heart rate
     * @param startMinSpo2                no start below this SpO2
     * @param holdMaxSystolic             the infusion is held above this systolic BP
     * @param holdMaxDiastolic            the infusion is held above this diastolic BP
     * @param holdMinSpo2                 the infusion is held below this SpO2
     * @param everyMinutes                the cadence of vitals during an infusion
     * @param preStartMaxAgeMinutes       pre-start vitals older than this do not clear a start
     * @param dischargeObservationMinutes the observation after an infusion ends, before discharge
     */
    public record VitalSignLimits(@Min(100) @Max(220) int startMaxSystolic, @Min(60) @Max(130) int startMaxDiastolic,
            @Min(60) @Max(150) int startMaxHeartRate, @Min(85) @Max(100) int startMinSpo2, @Min(100) @Max(240) int holdMaxSystolic,
            @Min(60) @Max(150) int holdMaxDiastolic, @Min(80) @Max(100) int holdMinSpo2, @Min(5) @Max(60) int everyMinutes,
            @Min(5) @Max(120) int preStartMaxAgeMinutes, @Min(15) @Max(240) int dischargeObservationMinutes) {
    }

    /**
     * The induction series and the spacing of infusions.
     *
     * @param inductionCount      infusions in an induction series
     * @param inductionWindowDays days the series should fit in, from its first infusion
     * @param minimumSpacingHours hours at least between two infusions
     */
    public record SeriesPlan(@Min(1) @Max(12) int inductionCount, @Min(7) @Max(42) int inductionWindowDays,
            @Min(12) @Max(168) int minimumSpacingHours) {
    }

    /**
     * Spravato monitoring beyond the label's fixed values ({@link SpravatoLabel}).
     *
     * @param observationMinutes            the least observation after a dose
     * @param delaySystolic                 above this pre-dose systolic BP the dose waits unless a prescriber proceeds
     * @param delayDiastolic                above this pre-dose diastolic BP the dose waits unless a prescriber proceeds
     * @param postDoseCheckMinutes          when after the dose its post-dose BP is taken
     * @param postDoseCheckToleranceMinutes how far from that time it may be taken
     * @param remsFormDueDays               days after a session by which its REMS monitoring form is due
     */
    public record SpravatoMonitoring(@Min(120) @Max(480) int observationMinutes, @Min(100) @Max(200) int delaySystolic,
            @Min(60) @Max(130) int delayDiastolic, @Min(20) @Max(90) int postDoseCheckMinutes,
            @Min(5) @Max(30) int postDoseCheckToleranceMinutes, @Min(1) @Max(30) int remsFormDueDays) {
    }

    /**
     * How outcomes are judged, per instrument, and when futility is flagged.
     *
     * @param futilityAfterTreatments completed treatments without a response after which futility is flagged
     */
    public record OutcomeRules(@NotNull @Valid OutcomeCriteria phq9, @NotNull @Valid OutcomeCriteria gad7,
            @NotNull @Valid OutcomeCriteria pcl5, @NotNull @Valid OutcomeCriteria pain, @Min(1) @Max(12) int futilityAfterTreatments) {
    }

    /** @param reportingDays a session's adverse events are reported up to this many days after it ended */
    public record AdverseEventReporting(@Min(1) @Max(90) int reportingDays) {
    }

    /** The criteria for an outcome instrument; none for the C-SSRS screener, which is no outcome measure. */
    public Optional<OutcomeCriteria> outcomeCriteria(Instrument instrument) {
        return Optional.ofNullable(switch (instrument) {
            case PHQ9 -> outcomes.phq9();
            case GAD7 -> outcomes.gad7();
            case PCL5 -> outcomes.pcl5();
            case PAIN_NRS -> outcomes.pain();
            case CSSRS -> null;
        });
    }

    /** The published defaults; clinics publish their own versions. */
    public static TreatmentProtocol defaults() {
        return PUBLISHED_DEFAULTS;
    }
}
