package org.carecourse.treatment.protocol.command;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.protocol.api.PublishTreatmentProtocolCommand;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;
import org.junit.jupiter.api.Test;

class ClinicTreatmentProtocolTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final TreatmentProtocol DEFAULTS = TreatmentProtocol.defaults();

    @Test
    void versionsAreNumberedInOrderOfPublication() {
        new AggregateTestFixture<>(ClinicTreatmentProtocol.class)
                .given(new TreatmentProtocolPublishedEvent(CLINIC, 1, T0, DEFAULTS))
                .when(new PublishTreatmentProtocolCommand(CLINIC, T0.plusSeconds(60), DEFAULTS))
                .expectEvents(new TreatmentProtocolPublishedEvent(CLINIC, 2, T0.plusSeconds(60), DEFAULTS))
                .expectResultMessagePayload(2);
    }

    @Test
    void aNewVersionCannotTakeEffectBeforeTheLatest() {
        new AggregateTestFixture<>(ClinicTreatmentProtocol.class)
                .given(new TreatmentProtocolPublishedEvent(CLINIC, 1, T0, DEFAULTS))
                .when(new PublishTreatmentProtocolCommand(CLINIC, T0, DEFAULTS))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }
}
