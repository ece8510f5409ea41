package org.carecourse.treatment.course.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.Modality;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.AdverseEventSeverity;
import org.carecourse.treatment.course.api.BaselineScore;
import org.carecourse.treatment.course.api.ClinicalOverride;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;
import org.carecourse.treatment.protocol.upcasting.ProtocolGroupsUpcaster;
import org.carecourse.treatment.protocol.upcasting.ProtocolParametersUpcaster;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** Events stored in older shapes read as today's, through the same chain of upcasters the service runs. */
class StoredEventUpcastersTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new CourseOpenedEvent1_to_2Upcaster(),
            new CourseOpenedEvent2_to_3Upcaster(), new ProtocolParametersUpcaster(), new CourseOpenedEvent4_to_5Upcaster(),
            new InfusionSessionStartedEvent1_to_2Upcaster(), new AdverseEventReportedEvent1_to_2Upcaster(),
            new OutcomeRecordedEvent1_to_2Upcaster(), new ProtocolGroupsUpcaster());

    @Test
    void aStoredRevisionOneCourseReadsAsTheCurrentRevisionThroughTheChain() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/CourseOpenedEvent.rev1.json")) {
            stored = in.readAllBytes();
        }
        CourseOpenedEvent event = read(CourseOpenedEvent.class, "1", stored, "{}", "6");
        assertThat(event.modality()).isEqualTo(Modality.SPRAVATO);
        assertThat(event.protocol()).isEqualTo(TreatmentProtocol.defaults());
        assertThat(event.protocol().spravato().delaySystolic()).isEqualTo(140);
        assertThat(event.protocol().adverseEvents().reportingDays()).isEqualTo(14);
        assertThat(event.protocol().outcomes().pain()).isEqualTo(TreatmentProtocol.defaults().outcomes().pain());
        assertThat(event.indication()).isEqualTo(Indication.DEPRESSION);
        assertThat(event.baseline()).as("the PHQ-9 typed in then").containsExactly(new BaselineScore(Instrument.PHQ9, 20));
        assertThat(event.treatmentProtocolVersion()).as("opened before per-clinic protocols").isNull();
    }

    /** A clinic's own numbers, published while the protocol was flat, keep every value in their group. */
    @Test
    void aFlatProtocolVersionReadsAsTheNamedGroupsWithEveryValueKept() {
        ObjectNode flat = ProtocolGroupsUpcaster.flatDefaults();
        flat.put("doseCapMg", 120.0).put("vitalsEveryMinutes", 10).put("remsFormDueDays", 5).put("futilityAfterInfusions", 4)
                .put("adverseEventReportingDays", 21);
        ((ObjectNode) flat.get("phq9Outcome")).put("remissionBelow", 6);
        String stored = "{\"clinicId\": \"11111111-1111-4111-8111-111111111111\", \"version\": 2, "
                + "\"effectiveFrom\": \"2026-11-01T00:00:00Z\", \"protocol\": " + flat + "}";
        TreatmentProtocolPublishedEvent event = read(TreatmentProtocolPublishedEvent.class, "2", bytes(stored), "{}", "3");
        TreatmentProtocol protocol = event.protocol();
        assertThat(protocol.dosing().capMg()).isEqualTo(120.0);
        assertThat(protocol.vitalSigns().everyMinutes()).isEqualTo(10);
        assertThat(protocol.spravato().remsFormDueDays()).isEqualTo(5);
        assertThat(protocol.outcomes().futilityAfterTreatments()).isEqualTo(4);
        assertThat(protocol.outcomes().phq9().remissionBelow()).isEqualTo(6);
        assertThat(protocol.adverseEvents().reportingDays()).isEqualTo(21);
        assertThat(protocol.series()).isEqualTo(TreatmentProtocol.defaults().series());
        assertThat(read(TreatmentProtocolPublishedEvent.class, "2", bytes(stored.replace(flat.toString(),
                ProtocolGroupsUpcaster.flatDefaults().toString())), "{}", "3").protocol())
                .as("the flat defaults are today's defaults").isEqualTo(TreatmentProtocol.defaults());
    }

    @Test
    void aCapOverrideStoredAsAReasonAloneNamesTheActorAndTimeOfItsSession() {
        String stored = """
                {"courseId": "4d5e6f70-8192-4a3b-8c4d-5e6f70819203", "patientId": "8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d",
                 "sessionId": "5e6f7081-92a3-4b4c-9d5e-6f7081920314", "clinicId": "11111111-1111-4111-8111-111111111111",
                 "vitals": {"systolic": 128, "diastolic": 82, "heartRate": 72, "spo2": 98, "takenAt": "2026-11-10T15:00:00Z"},
                 "weightKg": 120, "weightMeasuredAt": "2026-11-08T15:00:00Z", "mgPerKg": 1.0, "doseMg": 120.0,
                 "capOverrideReason": "tolerated 110 mg last course", "startedAt": "2026-11-10T15:00:00Z"}""";
        InfusionSessionStartedEvent event = read(InfusionSessionStartedEvent.class, "1", bytes(stored),
                "{\"actorId\": \"prescriber.denver\"}", "2");
        assertThat(event.overrides()).containsExactly(new ClinicalOverride(OverrideRule.DOSE_CAP, "prescriber.denver",
                Instant.parse("2026-11-10T15:00:00Z"), "tolerated 110 mg last course"));
        InfusionSessionStartedEvent withinCap = read(InfusionSessionStartedEvent.class, "1",
                bytes(stored.replace("\"tolerated 110 mg last course\"", "null")), "{}", "2");
        assertThat(withinCap.overrides()).isEmpty();
    }

    @Test
    void aFreeTextSeverityBecomesItsCodeOrIsKeptAsRecordedAndFollowedUp() {
        String stored = """
                {"courseId": "4d5e6f70-8192-4a3b-8c4d-5e6f70819203", "patientId": "8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d",
                 "sessionId": "5e6f7081-92a3-4b4c-9d5e-6f7081920314", "clinicId": "11111111-1111-4111-8111-111111111111",
                 "type": "nausea", "severity": "SEVERITY", "action": "ondansetron 4 mg", "at": "2026-11-10T15:20:00Z"}""";
        AdverseEventReportedEvent coded = read(AdverseEventReportedEvent.class, "1", bytes(stored.replace("SEVERITY", " Mild")), "{}", "2");
        assertThat(coded.severity()).isEqualTo(AdverseEventSeverity.MILD);
        assertThat(coded.severityAsRecorded()).isNull();
        assertThat(coded.followUpRequired()).isFalse();
        assertThat(coded.onsetAt()).isEqualTo(coded.at());
        AdverseEventReportedEvent uncoded = read(AdverseEventReportedEvent.class, "1", bytes(stored.replace("SEVERITY", "quite bad")),
                "{}", "2");
        assertThat(uncoded.severity()).isNull();
        assertThat(uncoded.severityAsRecorded()).isEqualTo("quite bad");
        assertThat(uncoded.followUpRequired()).as("an unknown grade is followed up").isTrue();
    }

    @Test
    void aTypedPhq9OutcomeReadsAsATargetInstrumentScoreWithoutItems() {
        String stored = """
                {"courseId": "4d5e6f70-8192-4a3b-8c4d-5e6f70819203", "patientId": "8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d",
                 "sessionId": null, "clinicId": "11111111-1111-4111-8111-111111111111", "instrument": "phq-9", "score": 10,
                 "baseline": 20, "percentChange": -50, "response": true, "remission": false, "futility": false,
                 "at": "2026-11-10T15:20:00Z"}""";
        OutcomeRecordedEvent event = read(OutcomeRecordedEvent.class, "1", bytes(stored), "{}", "2");
        assertThat(event.target()).isTrue();
        assertThat(event.items()).isNull();
        assertThat(event.response()).isTrue();
        assertThat(event.baseline()).isEqualTo(20);
    }

    private <T> T read(Class<T> type, String revision, byte[] payload, String metadata, String expectedRevision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("TreatmentCourse",
                "4d5e6f70-8192-4a3b-8c4d-5e6f70819203", 0, UUID.randomUUID().toString(), "2026-11-10T15:00:00Z",
                type.getName(), revision, payload, bytes(metadata));
        List<IntermediateEventRepresentation> upcast = chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(expectedRevision);
        byte[] bytes = serializer.getConverter().convert(upcast.get(0).getData(), byte[].class).getData();
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, upcast.get(0).getType()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
