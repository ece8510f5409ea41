package org.carecourse.screening.screeningcase.command;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningCaseTest {

    @Test
    void canOpenACaseForAPatientAtAClinic() {
        UUID consultation = UUID.randomUUID();
        UUID caseId = ScreeningCaseIds.forConsultation(consultation);
        UUID patient = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-02T15:00:00Z");

        new AggregateTestFixture<>(ScreeningCase.class)
                .givenNoPriorActivity()
                .when(new OpenScreeningCaseCommand(caseId, patient, clinic, consultation, at))
                .expectEvents(new ScreeningCaseOpenedEvent(caseId, patient, clinic, consultation, at));
    }

    @Test
    void caseIdsAreStablePerConsultationAndDistinctAcrossThem() {
        UUID consultation = UUID.randomUUID();
        assertThat(ScreeningCaseIds.forConsultation(consultation)).isEqualTo(ScreeningCaseIds.forConsultation(consultation));
        assertThat(ScreeningCaseIds.forConsultation(consultation)).isNotEqualTo(ScreeningCaseIds.forConsultation(UUID.randomUUID()));
    }
}
