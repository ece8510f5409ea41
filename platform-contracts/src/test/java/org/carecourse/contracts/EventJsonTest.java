package org.carecourse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EventJsonTest {

    @TestFactory
    List<DynamicTest> everyRegisteredTypeHasAFixtureThatRoundTripsUnchanged() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            String fixture = GoldenFixtures.of(type);
            IntegrationEvent<EventPayload> parsed = EventJson.read(fixture);
            assertThat(parsed.payload()).isInstanceOf(type.payloadClass());
            assertThat(EventJson.tree(EventJson.write(parsed))).isEqualTo(EventJson.tree(fixture));
        })).toList();
    }

    @Test
    void writesInstantsAsIsoStringsAndKeysByPatient() {
        UUID patient = UUID.randomUUID();
        IntegrationEvent<ConsultationRequested> event = IntegrationEvent.of(UUID.randomUUID(),
                Instant.parse("2026-11-02T15:04:05Z"), patient, UUID.randomUUID(), "corr", "cause",
                new Actor("u1", "front-desk"),
                new ConsultationRequested(UUID.randomUUID(), patient, UUID.randomUUID(), List.of("ptsd")));

        assertThat(EventJson.write(event)).contains("\"occurredAt\":\"2026-11-02T15:04:05Z\"");
        assertThat(event.partitionKey()).isEqualTo(patient.toString());
        assertThat(event.topic()).isEqualTo("carecourse.consultations.consultation.v1");
    }

    @Test
    void refusesAnUnknownTypeOrVersion() {
        String fixture = GoldenFixtures.of(EventTypes.of(ConsultationRequested.class));
        assertThatThrownBy(() -> EventJson.read(fixture.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 9")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("ConsultationRequested v9");
    }

    @Test
    void refusesAnEnvelopeWithoutItsActor() {
        String fixture = GoldenFixtures.of(EventTypes.of(ConsultationRequested.class));
        String withoutActor = fixture.replaceAll("(?s)\"actor\" : \\{.*?},", "");
        assertThatThrownBy(() -> EventJson.read(withoutActor))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'actor'");
    }

    @Test
    void refusesAPayloadOfTheWrongRegistration() {
        assertThatThrownBy(() -> new IntegrationEvent<>(UUID.randomUUID(), "ClinicRegistered", 1, Instant.now(),
                null, null, "c", "c", Actor.system("x"),
                new ConsultationRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicNamesFollowTheHouseRule() {
        assertThat(EventTypes.ALL).allSatisfy(type ->
                assertThat(type.topic()).matches("carecourse\\.[a-z-]+\\.[a-z-]+\\.v\\d+"));
    }
}
