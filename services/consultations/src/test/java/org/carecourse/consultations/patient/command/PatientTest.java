package org.carecourse.consultations.patient.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.consultations.patient.api.ChangePatientDetailsCommand;
import org.carecourse.consultations.patient.api.PatientDetails;
import org.carecourse.consultations.patient.api.PatientDetailsChangedEvent;
import org.carecourse.consultations.patient.api.PatientRegisteredEvent;
import org.carecourse.consultations.patient.api.RegisterPatientCommand;
import org.carecourse.consultations.patient.api.Sex;
import org.junit.jupiter.api.Test;

class PatientTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID DENVER = UUID.randomUUID();
    private static final UUID BOULDER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final PatientDetails ANA = new PatientDetails("Ana", "Lopez", LocalDate.of(1985, 4, 12), Sex.FEMALE,
            "+1 303 555 0101", null, null);

    @Test
    void canRegisterAPatientOfTheChain() {
        new AggregateTestFixture<>(Patient.class).givenNoPriorActivity()
                .when(new RegisterPatientCommand(PATIENT, ANA, DENVER, AT))
                .expectEvents(new PatientRegisteredEvent(PATIENT, ANA, DENVER, AT));
    }

    @Test
    void aChangeRecordsTheNewDetailsAndNamesWhatChanged() {
        PatientDetails moved = new PatientDetails("Ana", "Lopez", ANA.dateOfBirth(), Sex.FEMALE, "+1 720 555 0199", "ana@example.org",
                new org.carecourse.consultations.patient.api.PostalAddress("12 Elm St", null, "Denver", "CO", "80203"));
        new AggregateTestFixture<>(Patient.class).given(new PatientRegisteredEvent(PATIENT, ANA, DENVER, AT))
                .when(new ChangePatientDetailsCommand(PATIENT, moved, BOULDER))
                .expectEvents(new PatientDetailsChangedEvent(PATIENT, moved, BOULDER, List.of("phone", "email", "address",
                        "homeClinicId"))).expectResultMessagePayload(List.of("phone", "email", "address", "homeClinicId"));
    }

    @Test
    void anIdenticalUpdateChangesNothing() {
        new AggregateTestFixture<>(Patient.class).given(new PatientRegisteredEvent(PATIENT, ANA, DENVER, AT))
                .when(new ChangePatientDetailsCommand(PATIENT, ANA, DENVER))
                .expectNoEvents();
    }
}
