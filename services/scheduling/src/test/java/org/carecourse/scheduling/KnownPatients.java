package org.carecourse.scheduling;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.consultations.PatientRegistered;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.testkit.TopicProbe;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patients as consultations registers them on its patient topic: scheduling books no one else. */
final class KnownPatients {

    private KnownPatients() {
    }

    /** A new patient, announced as consultations does, returned once scheduling knows them. */
    static UUID register(ApplicationContext context) {
        UUID patient = UUID.randomUUID();
        TopicProbe.send(ConsultationsTopics.PATIENT, patient.toString(), GoldenFixtures.of(EventTypes.of(PatientRegistered.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString())
                .replace("0e1d2c3b-4a59-4867-8766-554433221100", UUID.randomUUID().toString()));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from known_patient where patient_id = ?")
                .param(patient).query(Long.class).single() == 1);
        return patient;
    }
}
