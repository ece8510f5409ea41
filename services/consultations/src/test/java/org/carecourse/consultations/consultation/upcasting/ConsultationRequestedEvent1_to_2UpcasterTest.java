package org.carecourse.consultations.consultation.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.consultations.consultation.api.Channel;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.consultations.consultation.api.ContactPreference;
import org.junit.jupiter.api.Test;

class ConsultationRequestedEvent1_to_2UpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aStoredRevisionOneRequestReadsAsRevisionTwoWithoutDemographics() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/ConsultationRequestedEvent.rev1.json")) {
            stored = in.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Consultation",
                "2a7b9c1d-4e3f-4a5b-8c6d-9e0f1a2b3c4d", 0, UUID.randomUUID().toString(), "2026-11-02T15:04:05.123Z",
                ConsultationRequestedEvent.class.getName(), "1", stored, "{}".getBytes());

        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new ConsultationRequestedEvent1_to_2Upcaster())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType()).isEqualTo(new SimpleSerializedType(ConsultationRequestedEvent.class.getName(), "2"));
        SerializedObject<?> data = upcast.get(0).getData();
        byte[] upcastBytes = serializer.getConverter().convert(data, byte[].class).getData();
        assertThat(new String(upcastBytes, StandardCharsets.UTF_8)).doesNotContain("Lopez", "1985-04-12", "givenName");

        ConsultationRequestedEvent event = serializer.deserialize(
                new SimpleSerializedObject<>(upcastBytes, byte[].class, upcast.get(0).getType()));
        assertThat(event).isEqualTo(new ConsultationRequestedEvent(
                UUID.fromString("2a7b9c1d-4e3f-4a5b-8c6d-9e0f1a2b3c4d"), UUID.fromString("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d"),
                UUID.fromString("11111111-1111-4111-8111-111111111111"), List.of(Condition.DEPRESSION, Condition.ANXIETY),
                ContactPreference.PHONE, null, Channel.STAFF, Instant.parse("2026-11-02T15:04:05.123Z")));
    }

    @Test
    void revisionTwoPassesUntouched() {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Consultation", "x", 0,
                UUID.randomUUID().toString(), "2026-11-02T15:04:05Z", ConsultationRequestedEvent.class.getName(), "2",
                "{}".getBytes(), "{}".getBytes());
        assertThat(new ConsultationRequestedEvent1_to_2Upcaster().canUpcast(new InitialEventRepresentation(entry, serializer)))
                .isFalse();
    }
}
