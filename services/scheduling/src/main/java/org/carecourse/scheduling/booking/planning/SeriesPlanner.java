package org.carecourse.scheduling.booking.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.RecordSeriesCommand;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.booking.capacity.SeriesRules;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.springframework.stereotype.Component;

/**
 * Plans a whole series at once (e.g. an induction: 6 infusions within 21 days, at least 24 h
 * apart): the patient's gates first; spacing and window are the course plan's, which a request may
 * tighten but only a prescriber loosen ({@link TreatmentSpacing}); then every slot is checked and,
 * if any is taken, all conflicts are named with the nearest free alternatives (409
 * {@code series-conflicts}) and nothing is planned.
 */
@Component
public class SeriesPlanner {

    private static final int ALTERNATIVES = 3;

    private final BookingPlanner planner;
    private final AppointmentBook appointments;
    private final AvailabilitySearch availability;

    SeriesPlanner(BookingPlanner planner, AppointmentBook appointments, AvailabilitySearch availability) {
        this.planner = planner;
        this.appointments = appointments;
        this.availability = availability;
    }

    /** What the front desk asks for; {@code spacingOverride} carries a reason and whether a prescriber gave it. */
    public record Request(UUID patientId, UUID chairId, AppointmentType type, List<Instant> starts, Integer minimumSpacingHours,
            Integer windowDays, String spacingOverrideReason, TreatmentSpacing.Override spacingOverride) {
    }

    /** The bookings to send in one transaction, the series' record last, and the spacing they keep (null without a course). */
    public record Planned(List<Object> commands, Integer spacingHours, List<UUID> appointmentIds) {
    }

    public Planned plan(UUID clinicId, Request request, Instant now) {
        List<Instant> starts = request.starts().stream().sorted().toList();
        BookingPlanner.Clinic clinic = planner.clinic(clinicId);
        PatientTreatmentCopies.Plan plan = planner.gate(clinic, request.patientId(), request.type(), starts.get(starts.size() - 1));
        TreatmentSpacing.Override override = request.spacingOverride();
        Integer spacingHours = TreatmentSpacing.required(plan == null ? null : plan.minimumSpacingHours(), request.minimumSpacingHours(),
                override);
        Duration spacing = SeriesRules.check(starts, clinic.zone(), spacingHours, TreatmentSpacing.window(plan == null ? null
                : plan.windowDays(), request.windowDays(), override), plan == null ? null : plan.inductionCount());
        UUID seriesId = UUID.randomUUID();
        List<BookAppointmentCommand> series = starts.stream().map(start -> planner.plan(clinic, new BookingPlanner.Wish(
                request.patientId(), request.type(), start, request.chairId(), null, null, seriesId, null,
                request.spacingOverrideReason()), now)).toList();
        List<Map<String, Object>> conflicts = new ArrayList<>();
        for (BookAppointmentCommand booking : series) {
            List<String> rules = new ArrayList<>();
            List<String> with = new ArrayList<>();
            appointments.ofPatient(booking.patientId(), booking.startsAt(), booking.endsAt()).forEach(other -> {
                rules.add("patient-double-booking");
                with.add(other.appointmentId().toString());
            });
            if (DayCapacity.place(appointments.heldOn(booking.clinicDay()), booking.wanted()) instanceof DayCapacity.Refused refused) {
                rules.add(refused.refusal().rule());
                refused.refusal().conflicts().forEach(c -> with.add(c.get("appointmentId")));
            }
            if (!rules.isEmpty()) {
                conflicts.add(Map.of("startsAt", booking.startsAt().toString(), "rules", rules.stream().distinct().toList(),
                        "conflictsWith", with.stream().distinct().toList(), "alternatives", alternatives(clinic, request, booking,
                                starts, spacing, now)));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "series-conflicts", conflicts.size() + " slot(s) of the series cannot be"
                    + " booked; nothing was booked", Map.of("conflicts", conflicts));
        }
        List<Object> commands = new ArrayList<>(series);
        commands.add(new RecordSeriesCommand(seriesId, clinicId, request.patientId(), series.get(0).courseId(), request.type(),
                series.stream().map(BookAppointmentCommand::appointmentId).toList(), starts.get(0), starts.get(starts.size() - 1)));
        return new Planned(commands, series.get(0).courseId() == null ? null : spacingHours,
                series.stream().map(BookAppointmentCommand::appointmentId).toList());
    }

    /**
     * The free slots nearest the taken one, each as far from the series' other starts as its
     * spacing asks, so any of them can replace it.
     */
    private List<AvailabilitySearch.Slot> alternatives(BookingPlanner.Clinic clinic, Request request, BookAppointmentCommand taken,
            List<Instant> starts, Duration spacing, Instant now) {
        List<Instant> others = starts.stream().filter(start -> !start.equals(taken.startsAt())).toList();
        return availability.nearest(clinic, request.patientId(), request.type(), taken.startsAt(), ALTERNATIVES, now,
                start -> others.stream().allMatch(other -> Duration.between(other, start).abs().compareTo(spacing) >= 0));
    }
}
