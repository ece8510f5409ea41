package org.carecourse.consultations.patient.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carecourse.consultations.patient.api.PatientDetailsChangedEvent;
import org.carecourse.consultations.patient.api.PatientRegisteredEvent;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.springframework.stereotype.Component;

/** A patient's demographic history, read from the patient's own event stream: who changed what, when. */
@Component
public class PatientHistory {

    private final EventStore eventStore;

    PatientHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<Entry> of(UUID patientId) {
        return eventStore.readEvents(patientId.toString(), 0).asStream()
                .map(event -> new Entry(event.getSequenceNumber(), event.getTimestamp(),
                        (String) event.getMetaData().get(MetadataKeys.ACTOR_ID),
                        (String) event.getMetaData().get(MetadataKeys.ACTOR_ROLE),
                        event.getPayload() instanceof PatientRegisteredEvent ? "registered" : "details-changed",
                        event.getPayload() instanceof PatientDetailsChangedEvent changed ? changed.changedFields() : List.of()))
                .toList();
    }

    public record Entry(long sequence, Instant at, String actorId, String actorRole, String change, List<String> changedFields) {
    }
}
