package org.carecourse.scheduling.booking.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.ClinicDays;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.api.OpeningHours;
import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.StaffRole;
import org.carecourse.scheduling.clinic.api.TypeSettings;
import org.carecourse.scheduling.clinic.query.ChairDirectory;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
import org.carecourse.scheduling.clinic.query.ClinicHours;
import org.carecourse.scheduling.clinic.query.ClinicPolicies;
import org.carecourse.scheduling.clinic.query.ClinicView;
import org.carecourse.scheduling.clinic.query.StaffRoster;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a wish for an appointment into the command its clinic day decides: every rule that needs
 * no other booking is checked here (the chair's fitness, the clinic's hours and REMS
 * certification, who is on shift, the patient's gates), once per clinic for a whole series.
 */
@Component
public class BookingPlanner {

    private final ClinicDirectoryProjection clinics;
    private final ChairDirectory chairs;
    private final ClinicHours hours;
    private final ClinicPolicies policies;
    private final StaffRoster roster;
    private final BookingGates gates;
    private final AppointmentBook appointments;
    private final JdbcClient jdbc;
    private final PatientTreatmentCopies copies;
    /** Each clinic's setup as last read, with the clinic's event sequence it was read at; as many entries as clinics. */
    private final Map<UUID, Versioned> setups = new ConcurrentHashMap<>();

    BookingPlanner(ClinicDirectoryProjection clinics, ChairDirectory chairs, ClinicHours hours, ClinicPolicies policies,
            StaffRoster roster, BookingGates gates, AppointmentBook appointments, JdbcClient jdbc, PatientTreatmentCopies copies) {
        this.copies = copies;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.chairs = chairs;
        this.hours = hours;
        this.policies = policies;
        this.roster = roster;
        this.gates = gates;
    }

    /** What a clinic books by, read once. */
    public record Clinic(ClinicView view, ZoneId zone, SchedulingPolicy policy, List<ChairDirectory.Chair> chairs,
            List<StaffRoster.Assignment> staff, Optional<OpeningHours> hours) {
    }

    /** One appointment wished for: a chair or staff member may be named, else the first free is taken. */
    public record Wish(UUID patientId, AppointmentType type, Instant startsAt, UUID chairId, UUID staffId, String overrideReason,
            UUID seriesId, UUID rescheduledFrom, String spacingOverrideReason) {

        /** A wish with no choice of chair or clinician and nothing overridden. */
        public static Wish of(UUID patientId, AppointmentType type, Instant startsAt, UUID chairId) {
            return new Wish(patientId, type, startsAt, chairId, null, null, null, null, null);
        }
    }

    /**
     * What the clinic books by. Read once per change of the clinic: every change to it (chairs,
     * staff, hours, policy) is an event of its aggregate, whose read models are written in that
     * event's transaction, so its last sequence number says whether a copy read before is current,
     * on this instance or another.
     */
    public Clinic clinic(UUID clinicId) {
        long version = jdbc.sql("select coalesce(max(sequence_number), -1) from domain_event_entry where aggregate_identifier = ?")
                .param(clinicId.toString()).query(Long.class).single();
        Versioned known = setups.get(clinicId);
        if (known != null && known.version() == version) {
            return known.clinic();
        }
        ClinicView view = clinics.find(clinicId).orElseThrow(() -> new NotFoundException("no clinic " + clinicId));
        Clinic clinic = new Clinic(view, ZoneId.of(view.timeZone()), policies.of(clinicId), chairs.at(clinicId), roster.at(clinicId),
                hours.of(clinicId));
        setups.put(clinicId, new Versioned(version, clinic));
        return clinic;
    }

    private record Versioned(long version, Clinic clinic) {
    }

    /** The booking command for the wish, once every rule that needs no other booking holds, the patient's gates included. */
    public BookAppointmentCommand plan(Clinic clinic, Wish wish, Instant now) {
        return slot(clinic, wish, now, day -> gates.require(wish.patientId(), wish.type(), day));
    }

    /**
     * The wish as a booking when it fits now: every rule of {@link #plan} and the capacity of its
     * clinic day as booked so far (the clinic day decides again when it is sent). Empty when any refuses.
     */
    public Optional<BookAppointmentCommand> bookable(Clinic clinic, Wish wish, Instant now) {
        BookAppointmentCommand booking;
        try {
            booking = plan(clinic, wish, now);
        } catch (BusinessRuleViolation refused) {
            return Optional.empty();
        }
        return weigh(booking) instanceof DayCapacity.Placed && spacedFromLiveTreatments(booking) ? Optional.of(booking)
                : Optional.empty();
    }

    private boolean spacedFromLiveTreatments(BookAppointmentCommand booking) {
        Integer hours = spacingHours(booking, null, TreatmentSpacing.Override.NONE);
        if (hours == null) {
            return true;
        }
        Duration spacing = Duration.ofHours(hours);
        return TreatmentSpacing.tooClose(liveTreatments(booking.patientId(), booking.type(), booking.startsAt(), booking.startsAt(),
                spacing, null), booking.startsAt(), spacing).isEmpty();
    }

    /**
     * The minimum spacing, in hours, a treatment booking keeps from the patient's other live
     * treatments: its course plan's, or as asked within the plan's bounds ({@link TreatmentSpacing});
     * null for a consult.
     */
    public Integer spacingHours(BookAppointmentCommand booking, Integer askedHours, TreatmentSpacing.Override override) {
        return spacingHours(booking.courseId(), askedHours, override);
    }

    Integer spacingHours(UUID courseId, Integer askedHours, TreatmentSpacing.Override override) {
        if (courseId == null) {
            return null;
        }
        PatientTreatmentCopies.Plan plan = withSpacing(copies.plan(courseId).orElse(null));
        return TreatmentSpacing.required(plan.minimumSpacingHours(), askedHours, override);
    }

    /**
     * The patient's gates for a treatment on the clinic's day of {@code startsAt} ({@link
     * BookingGates}, which name the gate refused): the open course's plan, null for a consult.
     */
    public PatientTreatmentCopies.Plan gate(Clinic clinic, UUID patientId, AppointmentType type, Instant startsAt) {
        PatientTreatmentCopies.Course course = gates.require(patientId, type, startsAt.atZone(clinic.zone()).toLocalDate());
        return course == null ? null : withSpacing(course.plan());
    }

    /** A plan heard without a spacing (or not heard at all) keeps the protocol's default one. */
    private static PatientTreatmentCopies.Plan withSpacing(PatientTreatmentCopies.Plan plan) {
        if (plan != null && plan.minimumSpacingHours() != null) {
            return plan;
        }
        return new PatientTreatmentCopies.Plan(plan == null ? null : plan.inductionCount(), plan == null ? null : plan.windowDays(),
                TreatmentSpacing.UNPLANNED_MINIMUM_SPACING_HOURS);
    }

    /**
     * The patient's live treatments of the type's modality, at any clinic, starting within
     * {@code spacing} of {@code [from, to]}; {@code movedAway}, the appointment a reschedule gives
     * up, is left out.
     */
    public List<TreatmentSpacing.Live> liveTreatments(UUID patientId, AppointmentType type, Instant from, Instant to, Duration spacing,
            UUID movedAway) {
        List<String> types = java.util.Arrays.stream(AppointmentType.values()).filter(t -> type.modality().equals(t.modality()))
                .map(AppointmentType::code).toList();
        return appointments.liveTreatments(patientId, types, from.minus(spacing), to.plus(spacing)).stream()
                .filter(live -> !live.appointmentId().equals(movedAway)).toList();
    }

    /**
     * The booking against its day as booked so far and the patient's appointments anywhere, read
     * without the clinic day's lock: a refusal here is final (bookings only add up until it
     * commits), a fit is decided again by the clinic day, which alone may book.
     */
    public DayCapacity.Outcome weigh(BookAppointmentCommand booking) {
        List<DayCapacity.Held> held = new java.util.ArrayList<>(appointments.heldOn(booking.clinicDay()));
        held.addAll(appointments.heldByPatient(booking.patientId(), booking.startsAt(), booking.endsAt()));
        return DayCapacity.place(held, booking.wanted());
    }

    /**
     * As {@link #plan}, with the patient's gates passed by {@code gate} (the course they give, for
     * the wish's day), checked last so a refusal names the first rule broken in the clinic's terms.
     */
    BookAppointmentCommand slot(Clinic clinic, Wish wish, Instant now, Function<LocalDate, PatientTreatmentCopies.Course> gate) {
        AppointmentType type = wish.type();
        if (wish.startsAt().isBefore(now)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "starts-in-the-past", "an appointment is booked ahead, not at "
                    + wish.startsAt());
        }
        if (type == AppointmentType.SPRAVATO && !clinic.policy().remsCertified()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "rems-certified-clinic-required", clinic.view().name()
                    + " is not Spravato REMS-certified");
        }
        TypeSettings settings = clinic.policy().settings(type);
        Instant endsAt = wish.startsAt().plus(Duration.ofMinutes(settings.minutes()));
        LocalDate day = fitsTheDay(clinic, wish.startsAt(), endsAt);
        List<UUID> chairIds = chairsFor(clinic, type, wish.chairId());
        List<DayCapacity.OnShift> onShift = onShift(clinic, settings.staffRole(), wish.startsAt(), endsAt, wish.staffId());
        PatientTreatmentCopies.Course course = gate.apply(day);
        SchedulingPolicy policy = clinic.policy();
        List<BookAppointmentCommand.Reminder> reminders = policy.reminderLeadHours().stream()
                .map(lead -> new BookAppointmentCommand.Reminder(wish.startsAt().minus(Duration.ofHours(lead)), lead))
                .filter(reminder -> reminder.at().isAfter(now)).toList();
        return new BookAppointmentCommand(ClinicDays.id(clinic.view().clinicId(), day), UUID.randomUUID(), clinic.view().clinicId(),
                wish.patientId(), course == null ? null : course.courseId(), type, wish.startsAt(), endsAt,
                endsAt.plus(Duration.ofMinutes(settings.turnoverMinutes())), chairIds, onShift, wish.overrideReason(),
                wish.seriesId(), wish.rescheduledFrom(), wish.startsAt().plus(Duration.ofMinutes(policy.noShowGraceMinutes())),
                reminders, settings.instructions(), wish.spacingOverrideReason());
    }

    /** The clinic's date of the appointment: it stays within that day, the clinic's hours and its open dates. */
    private static LocalDate fitsTheDay(Clinic clinic, Instant startsAt, Instant endsAt) {
        ZoneId zone = clinic.zone();
        LocalDate day = startsAt.atZone(zone).toLocalDate();
        if (!endsAt.minusNanos(1).atZone(zone).toLocalDate().equals(day)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "crosses-midnight", "an appointment ends on the clinic's day it starts");
        }
        clinic.hours().ifPresent(opening -> {
            if (opening.closures().contains(day)) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "clinic-closed", clinic.view().name() + " is closed on " + day);
            }
            if (!opening.covers(day, startsAt.atZone(zone).toLocalTime(), endsAt.atZone(zone).toLocalTime())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "outside-opening-hours", "the appointment at " + startsAt
                        + " is outside " + clinic.view().name() + "'s hours on " + day.getDayOfWeek() + " (" + zone + ")");
            }
        });
        return day;
    }

    /** The named chair, which must serve the type; else every chair that does, by name. */
    private static List<UUID> chairsFor(Clinic clinic, AppointmentType type, UUID chairId) {
        if (chairId != null) {
            ChairDirectory.Chair chair = clinic.chairs().stream().filter(c -> c.chairId().equals(chairId)).findFirst()
                    .orElseThrow(() -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "unknown-chair", "clinic "
                            + clinic.view().clinicId() + " has no chair " + chairId));
            if (!chair.capabilities().contains(type.needs())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "chair-capability", "a " + type.code() + " appointment needs a "
                        + type.needs().code() + " chair or room; " + chair.name() + " is not one");
            }
            return List.of(chairId);
        }
        List<UUID> capable = clinic.chairs().stream().filter(c -> c.capabilities().contains(type.needs()))
                .sorted(Comparator.comparing(ChairDirectory.Chair::name)).map(ChairDirectory.Chair::chairId).toList();
        if (capable.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "no-capable-chair", clinic.view().name() + " has no "
                    + type.needs().code() + " chair or room");
        }
        return capable;
    }

    /**
     * Clinicians of the role whose shift covers the whole appointment, with their seats: a nurse as
     * many as the clinic's ratio, a prescriber one. A named clinician must be one of them.
     */
    static List<DayCapacity.OnShift> onShift(Clinic clinic, StaffRole role, Instant startsAt, Instant endsAt, UUID staffId) {
        ZonedDateTime start = startsAt.atZone(clinic.zone());
        LocalTime from = start.toLocalTime();
        LocalTime to = endsAt.atZone(clinic.zone()).toLocalTime();
        int seats = role == StaffRole.NURSE ? clinic.policy().patientsPerNurse() : 1;
        List<DayCapacity.OnShift> onShift = clinic.staff().stream()
                .filter(a -> a.role() == role && (staffId == null || a.staffId().equals(staffId)))
                .filter(a -> a.shifts().stream().anyMatch(s -> s.covers(start.getDayOfWeek(), from, to)))
                .map(a -> new DayCapacity.OnShift(a.staffId(), seats)).toList();
        if (staffId != null && onShift.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "staff-not-on-shift", "staff member " + staffId + " is not a "
                    + role.code() + " on shift for the whole appointment");
        }
        return onShift;
    }
}
