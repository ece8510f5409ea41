package org.carecourse.treatment.course.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.Modality;
import org.junit.jupiter.api.Test;

class CourseOpenedEventUpcastersTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aStoredRevisionOneCourseReadsAsRevisionThreeThroughTheChain() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/CourseOpenedEvent.rev1.json")) {
            stored = in.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("TreatmentCourse",
                "4d5e6f70-8192-4a3b-8c4d-5e6f70819203", 0, UUID.randomUUID().toString(), "2026-11-10T15:00:00Z",
                CourseOpenedEvent.class.getName(), "1", stored, "{}".getBytes());

        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new CourseOpenedEvent1_to_2Upcaster(), new CourseOpenedEvent2_to_3Upcaster())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        byte[] bytes = serializer.getConverter().convert(upcast.get(0).getData(), byte[].class).getData();
        CourseOpenedEvent event = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, upcast.get(0).getType()));
        assertThat(event.modality()).isEqualTo(Modality.SPRAVATO);
        assertThat(event.protocol()).isEqualTo(TreatmentProtocol.defaults());
        assertThat(event.protocol().spravatoDelaySystolic()).isEqualTo(140);
        assertThat(event.baselinePhq9()).isEqualTo(20);
        assertThat(event.treatmentProtocolVersion()).as("opened before per-clinic protocols").isNull();
    }
}
