package org.carecourse.scheduling.booking.capacity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * Whether one more appointment fits a clinic's day, and where: the rules the clinic day decides a
 * booking by and the availability search proposes slots by, so the two never disagree.
 * <ul>
 * <li>the patient is in no other appointment at that time;</li>
 * <li>a chair is free from the start until its turnover after the end ({@code chairFreeAt});</li>
 * <li>a clinician of the type's role is on shift and has a free seat: a nurse monitors as many
 * concurrent treatments as the clinic's ratio allows (one seat each), a prescriber sees one
 * patient at a time. Seats are numbered, so the database can guard them with a constraint.</li>
 * </ul>
 */
public final class DayCapacity {

    private DayCapacity() {
    }

    /** An appointment holding its chair, clinician's seat and patient. */
    public record Held(UUID appointmentId, UUID chairId, UUID staffId, int seat, UUID patientId, Instant startsAt, Instant endsAt,
            Instant chairFreeAt) {
    }

    /** A clinician on shift for the whole appointment, with as many seats as they may monitor at once. */
    public record OnShift(UUID staffId, int seats) {
    }

    /** Chairs in order of preference; clinicians in the order they are offered. */
    public record Wanted(UUID patientId, Instant startsAt, Instant endsAt, Instant chairFreeAt, List<UUID> chairs,
            List<OnShift> staff) {
    }

    public record Placement(UUID chairId, UUID staffId, int seat) {
    }

    /** Why the appointment does not fit: a rule and the appointments it meets. */
    public record Refusal(String rule, boolean conflict, String message, List<Map<String, String>> conflicts) {

        /** As the API answers it: 409 for a conflict with other appointments, else 422; the appointments named. */
        public BusinessRuleViolation violation() {
            return new BusinessRuleViolation(conflict ? Kind.CONFLICT : Kind.UNPROCESSABLE, rule, message,
                    conflicts.isEmpty() ? Map.of() : Map.of("conflicts", conflicts));
        }
    }

    public sealed interface Outcome permits Placed, Refused {
    }

    public record Placed(Placement placement) implements Outcome {
    }

    public record Refused(Refusal refusal) implements Outcome {
    }

    public static Outcome place(Collection<Held> held, Wanted wanted) {
        List<Held> patient = held.stream().filter(h -> h.patientId().equals(wanted.patientId())
                && overlaps(h.startsAt(), h.endsAt(), wanted.startsAt(), wanted.endsAt())).toList();
        if (!patient.isEmpty()) {
            return refused("patient-double-booking", true, "the patient has another appointment at that time", patient);
        }
        UUID chair = null;
        // Every appointment holding a chair the booking could take, so a refusal names them all.
        List<Held> chairConflicts = new java.util.ArrayList<>();
        for (UUID candidate : wanted.chairs()) {
            List<Held> taken = held.stream().filter(h -> h.chairId().equals(candidate)
                    && overlaps(h.startsAt(), h.chairFreeAt(), wanted.startsAt(), wanted.chairFreeAt())).toList();
            if (taken.isEmpty()) {
                chair = candidate;
                break;
            }
            chairConflicts.addAll(taken);
        }
        if (chair == null) {
            return refused("chair-taken", true, "no chair is free from " + wanted.startsAt() + " until " + wanted.chairFreeAt()
                    + " (its turnover included)", chairConflicts);
        }
        if (wanted.staff().isEmpty()) {
            return refused("no-staff-on-shift", false, "no clinician of the appointment's role works the whole of "
                    + wanted.startsAt() + " to " + wanted.endsAt(), List.of());
        }
        for (OnShift clinician : wanted.staff()) {
            for (int seat = 0; seat < clinician.seats(); seat++) {
                int s = seat;
                boolean free = held.stream().noneMatch(h -> clinician.staffId().equals(h.staffId()) && h.seat() == s
                        && overlaps(h.startsAt(), h.endsAt(), wanted.startsAt(), wanted.endsAt()));
                if (free) {
                    return new Placed(new Placement(chair, clinician.staffId(), seat));
                }
            }
        }
        List<Held> busy = held.stream().filter(h -> wanted.staff().stream().anyMatch(c -> c.staffId().equals(h.staffId()))
                && overlaps(h.startsAt(), h.endsAt(), wanted.startsAt(), wanted.endsAt())).toList();
        return refused("staff-at-capacity", true, "every clinician on shift already sees or monitors as many patients as"
                + " the clinic allows at that time", busy);
    }

    public static boolean overlaps(Instant aFrom, Instant aTo, Instant bFrom, Instant bTo) {
        return aFrom.isBefore(bTo) && bFrom.isBefore(aTo);
    }

    private static Refused refused(String rule, boolean conflict, String message, List<Held> with) {
        return new Refused(new Refusal(rule, conflict, message, with.stream().map(h -> Map.of("appointmentId",
                h.appointmentId().toString(), "startsAt", h.startsAt().toString(), "endsAt", h.endsAt().toString())).toList()));
    }
}
