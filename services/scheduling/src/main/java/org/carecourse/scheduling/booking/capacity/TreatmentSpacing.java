package org.carecourse.scheduling.booking.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * How close two treatments of a patient may be: every treatment appointment keeps its course's
 * minimum spacing, in elapsed hours, from every other live treatment appointment of the patient
 * in the same modality, at any clinic of the chain. The prescriber's plan is the floor: a booking
 * may keep more spacing than the plan, never less, unless a prescriber sets it lower with a reason
 * (kept on the appointment with who gave it).
 */
public final class TreatmentSpacing {

    /**
     * The IV ketamine protocol's default minimum spacing, for a course whose plan scheduling heard
     * without one (an older producer); every plan treatment publishes today carries its own.
     */
    public static final int UNPLANNED_MINIMUM_SPACING_HOURS = 24;

    private TreatmentSpacing() {
    }

    /** A treatment appointment of the patient that holds its time (booked, checked in or completed). */
    public record Live(UUID appointmentId, UUID clinicId, Instant startsAt) {
    }

    /** A prescriber's leave to keep less than the plan's spacing; {@code reason} is required. */
    public record Override(String reason, boolean byPrescriber) {

        public static final Override NONE = new Override(null, false);
    }

    /**
     * The spacing a booking keeps: the plan's when nothing is asked, the asked one when it is at
     * least the plan's, and less only by a prescriber's override with its reason.
     *
     * @param planHours the course plan's minimum spacing, or null when the course has no plan (a consult)
     * @param askedHours the request's, or null
     */
    public static Integer required(Integer planHours, Integer askedHours, Override override) {
        requirePrescriber(override);
        if (askedHours == null || planHours == null || askedHours >= planHours) {
            return askedHours != null ? askedHours : planHours;
        }
        if (!override.byPrescriber() || override.reason() == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spacing-below-plan", "the course plan keeps treatments at least "
                    + planHours + " h apart; " + askedHours + " h needs a prescriber's override with its reason");
        }
        return askedHours;
    }

    /**
     * The window a series keeps: the plan's when nothing is asked, a narrower one when asked, a
     * wider one only by a prescriber's override with its reason.
     */
    public static Integer window(Integer planDays, Integer askedDays, Override override) {
        requirePrescriber(override);
        if (askedDays == null || planDays == null || askedDays <= planDays) {
            return askedDays != null ? askedDays : planDays;
        }
        if (!override.byPrescriber() || override.reason() == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "window-beyond-plan", "the course plan runs its induction within "
                    + planDays + " days; " + askedDays + " days needs a prescriber's override with its reason");
        }
        return askedDays;
    }

    /** Only a prescriber sets the plan aside: a reason from anyone else is refused, not recorded. */
    private static void requirePrescriber(Override override) {
        if (override.reason() != null && !override.byPrescriber()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "plan-override-by-prescriber", "only a prescriber books past the"
                    + " course plan's spacing or window");
        }
    }

    /** The live treatments {@code startsAt} would be less than {@code spacing} from, either way. */
    public static List<Live> tooClose(Collection<Live> live, Instant startsAt, Duration spacing) {
        return live.stream().filter(other -> Duration.between(other.startsAt(), startsAt).abs().compareTo(spacing) < 0).toList();
    }

    /** Refuses (409 {@code treatment-spacing}) a start too close to a live treatment, naming each one. */
    public static void require(Collection<Live> live, Instant startsAt, Duration spacing) {
        List<Live> close = tooClose(live, startsAt, spacing);
        if (!close.isEmpty()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "treatment-spacing", "a treatment at " + startsAt + " would be less than "
                    + spacing.toHours() + " h from the patient's appointment " + close.get(0).appointmentId() + " at "
                    + close.get(0).startsAt(), Map.of("conflicts", close.stream().map(c -> Map.of("appointmentId",
                            c.appointmentId().toString(), "clinicId", c.clinicId().toString(), "startsAt", c.startsAt().toString()))
                            .toList()));
        }
    }
}
