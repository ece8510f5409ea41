package org.carecourse.scheduling.booking.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.query.ChairDirectory;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * Free slots for a patient and an appointment type: every start on a 15-minute grid of each
 * clinic's own clock is put to the rules a booking meets ({@link BookingPlanner} and
 * {@link DayCapacity}, the very ones the clinic day decides by), against the day's bookings read
 * once and the patient's appointments anywhere in the chain.
 */
@Component
public class AvailabilitySearch {

    static final Duration GRID = Duration.ofMinutes(15);

    private final BookingPlanner planner;
    private final BookingGates gates;
    private final AppointmentBook appointments;

    AvailabilitySearch(BookingPlanner planner, BookingGates gates, AppointmentBook appointments) {
        this.planner = planner;
        this.gates = gates;
        this.appointments = appointments;
    }

    /** A bookable slot: the instants and the clinic's local times in its zone, and where and with whom it would be. */
    public record Slot(UUID clinicId, String clinicName, Instant startsAt, Instant endsAt, LocalDateTime localStart, LocalDateTime localEnd,
            String zone, UUID chairId, String chairName, UUID staffId) {
    }

    /** The longest search, in days from its first. */
    public static final int MAX_DAYS = 31;

    /** A search runs from a date to the same or a later one, at most {@link #MAX_DAYS} days (422 {@code search-range}). */
    public static void requireRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "search-range",
                    "a search runs from a date to the same or a later one, at most " + MAX_DAYS + " days");
        }
    }

    /**
     * Up to {@code limit} slots from {@code from} to {@code to} (the clinics' dates, inclusive),
     * earliest first across the clinics, each passing {@code keep}. A gate the patient fails on
     * every day (no eligibility, no course) is the answer itself: it is thrown, not hidden.
     */
    public List<Slot> search(List<BookingPlanner.Clinic> clinics, UUID patientId, AppointmentType type, LocalDate from, LocalDate to,
            int limit, Instant now, Predicate<Instant> keep) {
        Instant earliest = from.atStartOfDay(clinics.get(0).zone()).toInstant().minus(Duration.ofDays(1));
        Instant latest = to.plusDays(2).atStartOfDay(clinics.get(0).zone()).toInstant();
        List<DayCapacity.Held> patientsOwn = appointments.heldByPatient(patientId, earliest, latest);
        List<Slot> found = new ArrayList<>();
        java.util.Map<UUID, Predicate<Instant>> spaced = new java.util.HashMap<>();
        java.util.function.Function<LocalDate, PatientTreatmentCopies.Course> gate = gates.forPatient(patientId, type);
        for (BookingPlanner.Clinic clinic : clinics) {
            int atThisClinic = 0;
            for (LocalDate day = from; !day.isAfter(to) && atThisClinic < limit; day = day.plusDays(1)) {
                PatientTreatmentCopies.Course course;
                try {
                    course = gate.apply(day);
                } catch (BusinessRuleViolation expired) {
                    if ("eligibility-expired".equals(expired.rule()) && !found.isEmpty()) {
                        break;
                    }
                    throw expired;
                }
                List<Slot> onDay = onDay(clinic, patientId, type, day, course, patientsOwn, now, course == null ? keep
                        : keep.and(spaced.computeIfAbsent(course.courseId(), id -> spacedFrom(patientId, type, id, earliest, latest))),
                        limit - atThisClinic);
                atThisClinic += onDay.size();
                found.addAll(onDay);
            }
        }
        return found.stream().sorted(Comparator.comparing(Slot::startsAt)).limit(limit).toList();
    }

    /** Starts that keep the course's spacing from the patient's live treatments at any clinic. */
    private Predicate<Instant> spacedFrom(UUID patientId, AppointmentType type, UUID courseId, Instant from, Instant to) {
        Duration spacing = Duration.ofHours(planner.spacingHours(courseId, null, TreatmentSpacing.Override.NONE));
        List<TreatmentSpacing.Live> live = planner.liveTreatments(patientId, type, from, to, spacing, null);
        return start -> TreatmentSpacing.tooClose(live, start, spacing).isEmpty();
    }

    /**
     * The {@code count} free slots nearest to {@code wanted} at the clinic, on its day and the days
     * either side, each passing {@code keep}: what to propose instead of a slot that is taken.
     */
    public List<Slot> nearest(BookingPlanner.Clinic clinic, UUID patientId, AppointmentType type, Instant wanted, int count, Instant now,
            Predicate<Instant> keep) {
        LocalDate day = wanted.atZone(clinic.zone()).toLocalDate();
        return search(List.of(clinic), patientId, type, day.minusDays(1), day.plusDays(1), 3 * 96, now, keep).stream()
                .sorted(Comparator.comparing(slot -> Duration.between(wanted, slot.startsAt()).abs()))
                .limit(count).toList();
    }

    private List<Slot> onDay(BookingPlanner.Clinic clinic, UUID patientId, AppointmentType type, LocalDate day,
            PatientTreatmentCopies.Course course, List<DayCapacity.Held> patientsOwn, Instant now, Predicate<Instant> keep, int limit) {
        List<DayCapacity.Held> held = null;
        List<Slot> slots = new ArrayList<>();
        for (Instant start : grid(day, clinic.zone())) {
            if (slots.size() >= limit) {
                break;
            }
            if (!start.isBefore(now) && keep.test(start)) {
                BookAppointmentCommand candidate = candidate(clinic, patientId, type, start, now, course);
                if (candidate != null) {
                    if (held == null) {
                        held = new ArrayList<>(appointments.heldOn(candidate.clinicDay()));
                        held.addAll(patientsOwn);
                    }
                    if (DayCapacity.place(held, candidate.wanted()) instanceof DayCapacity.Placed placed) {
                        slots.add(slot(clinic, candidate, placed.placement()));
                    }
                }
            }
        }
        return slots;
    }

    /**
     * The day's starts every 15 minutes on the clinic's clock, each once: on the day clocks spring
     * forward the missing hour has none; on the day they fall back the repeated hour is offered at
     * its first occurrence.
     */
    static List<Instant> grid(LocalDate day, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        for (LocalTime time = LocalTime.MIDNIGHT; ; time = time.plus(GRID)) {
            ZonedDateTime start = day.atTime(time).atZone(zone);
            if (start.toLocalTime().equals(time)) {
                starts.add(start.toInstant());
            }
            if (time.equals(LocalTime.MIDNIGHT.minus(GRID))) {
                return starts;
            }
        }
    }

    /** The slot as a booking, or null when a rule that needs no other booking (hours, shifts, the day's end) refuses it. */
    private BookAppointmentCommand candidate(BookingPlanner.Clinic clinic, UUID patientId, AppointmentType type, Instant start,
            Instant now, PatientTreatmentCopies.Course course) {
        try {
            return planner.slot(clinic, BookingPlanner.Wish.of(patientId, type, start, null), now,
                    day -> course);
        } catch (BusinessRuleViolation outside) {
            return null;
        }
    }

    private static Slot slot(BookingPlanner.Clinic clinic, BookAppointmentCommand candidate, DayCapacity.Placement placement) {
        String chairName = clinic.chairs().stream().filter(c -> c.chairId().equals(placement.chairId())).map(ChairDirectory.Chair::name)
                .findFirst().orElse("");
        return new Slot(clinic.view().clinicId(), clinic.view().name(), candidate.startsAt(), candidate.endsAt(),
                LocalDateTime.ofInstant(candidate.startsAt(), clinic.zone()), LocalDateTime.ofInstant(candidate.endsAt(), clinic.zone()),
                clinic.zone().getId(), placement.chairId(), chairName, placement.staffId());
    }
}
