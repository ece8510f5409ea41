package org.carecourse.consultations.patient.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.consultations.patient.api.ChangePatientDetailsCommand;
import org.carecourse.consultations.patient.api.PatientDetails;
import org.carecourse.consultations.patient.api.PatientDetailsChangedEvent;
import org.carecourse.consultations.patient.api.PatientRegisteredEvent;
import org.carecourse.consultations.patient.api.RegisterPatientCommand;

/** One patient of the chain, whichever clinic they visit. Every demographic change is an event. */
@Aggregate
class Patient {

    @AggregateIdentifier
    private UUID patientId;
    private PatientDetails details;
    private UUID homeClinicId;

    Patient() {
        // for Axon
    }

    @CommandHandler
    Patient(RegisterPatientCommand command) {
        apply(new PatientRegisteredEvent(command.patientId(), command.details(), command.homeClinicId(), command.registeredAt()));
    }

    /** Applies only what differs; an identical update changes nothing. */
    @CommandHandler
    List<String> handle(ChangePatientDetailsCommand command) {
        PatientDetails next = command.details();
        List<String> changed = new ArrayList<>();
        compare(changed, "givenName", details.givenName(), next.givenName());
        compare(changed, "familyName", details.familyName(), next.familyName());
        compare(changed, "dateOfBirth", details.dateOfBirth(), next.dateOfBirth());
        compare(changed, "sex", details.sex(), next.sex());
        compare(changed, "phone", details.phone(), next.phone());
        compare(changed, "email", details.email(), next.email());
        compare(changed, "address", details.address(), next.address());
        compare(changed, "homeClinicId", homeClinicId, command.homeClinicId());
        if (!changed.isEmpty()) {
            apply(new PatientDetailsChangedEvent(patientId, next, command.homeClinicId(), changed));
        }
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    @EventSourcingHandler
    void on(PatientRegisteredEvent event) {
        patientId = event.patientId();
        details = event.details();
        homeClinicId = event.homeClinicId();
    }

    @EventSourcingHandler
    void on(PatientDetailsChangedEvent event) {
        details = event.details();
        homeClinicId = event.homeClinicId();
    }
}
