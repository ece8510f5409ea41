package org.carecourse.scheduling.booking.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.servicekit.axon.AggregateLocks;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what books a patient's appointments, in one transaction. Treatments of one patient may be
 * booked at several clinics at once, each clinic day deciding only its own; so a treatment booking
 * first takes the patient's lock (held until commit) and then checks its spacing against the
 * patient's live treatments as committed: of many front desks booking one patient at once, each
 * sees the bookings of those before it.
 */
@Component
public class Bookings {

    private final BookingPlanner planner;
    private final CommandDispatch commands;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    Bookings(BookingPlanner planner, CommandDispatch commands, TransactionTemplate transactions, JdbcClient jdbc) {
        this.planner = planner;
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Sends {@code sequence} in order; each booking in it keeps {@code spacingHours} (null for
     * consults) from the patient's live treatments other than {@code movedAway}, the appointment a
     * reschedule gives up. A refusal sends nothing.
     */
    public void send(StaffMember staff, UUID clinicId, Integer spacingHours, UUID movedAway, List<?> sequence) {
        List<BookAppointmentCommand> bookings = sequence.stream().filter(BookAppointmentCommand.class::isInstance)
                .map(BookAppointmentCommand.class::cast).toList();
        transactions.executeWithoutResult(status -> {
            if (spacingHours != null && !bookings.isEmpty()) {
                requireSpacing(bookings, Duration.ofHours(spacingHours), movedAway);
            }
            sequence.forEach(command -> commands.sendAs(staff, clinicId, command));
        });
    }

    private void requireSpacing(List<BookAppointmentCommand> bookings, Duration spacing, UUID movedAway) {
        BookAppointmentCommand first = bookings.get(0);
        AggregateLocks.lockUntilCommit(jdbc, "patient-treatments/" + first.patientId());
        Instant from = bookings.stream().map(BookAppointmentCommand::startsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = bookings.stream().map(BookAppointmentCommand::startsAt).max(Comparator.naturalOrder()).orElseThrow();
        List<TreatmentSpacing.Live> live = planner.liveTreatments(first.patientId(), first.type(), from, to, spacing, movedAway);
        bookings.forEach(booking -> TreatmentSpacing.require(live, booking.startsAt(), spacing));
    }
}
