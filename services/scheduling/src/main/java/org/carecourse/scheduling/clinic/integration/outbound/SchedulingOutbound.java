package org.carecourse.scheduling.clinic.integration.outbound;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentCompleted;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.AppointmentRescheduled;
import org.carecourse.contracts.scheduling.ChairAdded;
import org.carecourse.contracts.scheduling.ClinicHoursSet;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.PatientCheckedIn;
import org.carecourse.contracts.scheduling.SeriesBooked;
import org.carecourse.contracts.scheduling.StaffAssigned;
import org.carecourse.contracts.scheduling.WaitlistSlotOffered;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.booking.api.SeriesBookedEvent;
import org.carecourse.scheduling.clinic.api.Capability;
import org.carecourse.scheduling.clinic.api.ChairAddedEvent;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.carecourse.scheduling.clinic.api.OpeningHours;
import org.carecourse.scheduling.clinic.api.OpeningHoursSetEvent;
import org.carecourse.scheduling.clinic.api.StaffAssignedEvent;
import org.carecourse.scheduling.waitlist.api.WaitlistEvents;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Relay from scheduling's event store to Kafka: the clinic directory, its chairs and staff, and appointments. */
@Component
@ProcessingGroup("scheduling-outbound")
class SchedulingOutbound {

    private final IntegrationEventPublisher publisher;

    SchedulingOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ClinicRegisteredEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, null, event.clinicId(),
                new ClinicRegistered(event.clinicId(), event.name(), event.timeZone())));
    }

    @EventHandler
    void on(ChairAddedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, null, event.clinicId(), new ChairAdded(event.clinicId(),
                event.chairId(), event.name(), event.capabilities().stream().map(Capability::code).sorted().toList())));
    }

    @EventHandler
    void on(StaffAssignedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, null, event.clinicId(), new StaffAssigned(event.clinicId(),
                event.staffId(), event.name(), event.role().code(), event.shifts().stream().map(s -> new StaffAssigned.Shift(
                        s.day().name(), s.from().toString(), s.to().toString())).toList())));
    }

    /** Ranges in weekday order, then by opening; closed dates in order: the same hours always read the same. */
    @EventHandler
    void on(OpeningHoursSetEvent event, EventMessage<?> stored) {
        List<ClinicHoursSet.Range> weekly = event.hours().weekly().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(day -> day.getValue().stream().sorted(Comparator.comparing(OpeningHours.Range::opens))
                        .map(range -> new ClinicHoursSet.Range(day.getKey().name(), range.opens().toString(), range.closes().toString())))
                .toList();
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, null, event.clinicId(), new ClinicHoursSet(event.clinicId(),
                weekly, event.hours().closures().stream().sorted().toList())));
    }

    /** Keyed by patient, like every patient's fact; a rescheduled appointment's new booking says so as AppointmentRescheduled's pair. */
    @EventHandler
    void on(AppointmentBookedEvent event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new AppointmentBooked(event.appointmentId(), event.clinicId(),
                event.chairId(), event.type().code(), event.startsAt(), event.endsAt(), event.staffId(), event.courseId(), event.seriesId(),
                event.rescheduledFrom(), event.overrideReason() != null));
    }

    @EventHandler
    void on(SeriesBookedEvent event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new SeriesBooked(event.seriesId(), event.clinicId(),
                event.courseId(), event.type().code(), event.appointmentIds(), event.firstStartsAt(), event.lastStartsAt()));
    }

    @EventHandler
    void on(AppointmentEvents.Rescheduled event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new AppointmentRescheduled(event.appointmentId(),
                event.newAppointmentId(), event.clinicId(), event.previousStartsAt(), event.newStartsAt(), event.late()));
    }

    @EventHandler
    void on(AppointmentEvents.Cancelled event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new AppointmentCancelled(event.appointmentId(), event.clinicId(),
                event.type().code(), event.courseId(), event.startsAt(), event.reason().code(), event.late(), event.at(),
                event.reason().cancelledBy()));
    }

    @EventHandler
    void on(AppointmentEvents.CheckedIn event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new PatientCheckedIn(event.appointmentId(), event.clinicId(),
                event.type().code(), event.courseId(), event.startsAt(), event.at()));
    }

    @EventHandler
    void on(AppointmentEvents.NoShowed event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new AppointmentNoShowed(event.appointmentId(), event.clinicId(),
                event.type().code(), event.courseId(), event.startsAt(), event.at()));
    }

    @EventHandler
    void on(AppointmentEvents.Completed event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.clinicId(), new AppointmentCompleted(event.appointmentId(), event.clinicId(),
                event.type().code(), event.courseId(), event.startsAt(), event.at()));
    }

    @EventHandler
    void on(WaitlistEvents.SlotOffered event, EventMessage<?> stored) {
        publishForPatient(stored, event.patientId(), event.slot().clinicId(), new WaitlistSlotOffered(event.entryId(),
                event.slot().clinicId(), event.type().code(), event.slot().chairId(), event.slot().startsAt(), event.slot().freedBy()));
    }

    private void publishForPatient(EventMessage<?> stored, UUID patientId, UUID clinicId, EventPayload payload) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, patientId, clinicId, payload));
    }
}
