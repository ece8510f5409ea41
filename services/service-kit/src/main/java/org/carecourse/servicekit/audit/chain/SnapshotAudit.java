package org.carecourse.servicekit.audit.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a stream's stored snapshots against the fold of its events: the aggregate rebuilt from
 * events 0..n must equal the snapshot taken at n. A snapshot is not hash-linked (the store
 * replaces it), so an edited snapshot, which would silently change what the next command sees,
 * is caught only by folding the events it claims to summarise.
 */
public class SnapshotAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final Serializer serializer;

    public SnapshotAudit(JdbcClient jdbc, EventStore eventStore, Serializer serializer) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /** The snapshots of the stream that differ from the fold of their events (their sequence numbers); empty when all agree. */
    public List<Long> differing(String aggregateIdentifier) {
        List<Snapshot> snapshots = jdbc.sql("""
                        select sequence_number, type, payload_type, payload_revision, payload from snapshot_event_entry
                        where aggregate_identifier = ? order by sequence_number""")
                .param(aggregateIdentifier)
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .list();
        List<Long> differing = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            if (!agrees(aggregateIdentifier, snapshot)) {
                differing.add(snapshot.sequenceNumber());
            }
        }
        return differing;
    }

    private boolean agrees(String aggregateIdentifier, Snapshot snapshot) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(snapshot.payload(), byte[].class, snapshot.payloadType(),
                snapshot.payloadRevision());
        Object fromSnapshot;
        try {
            fromSnapshot = serializer.deserialize(stored);
        } catch (RuntimeException unreadable) {
            return false;
        }
        Object folded = fold(fromSnapshot.getClass(), aggregateIdentifier, snapshot.sequenceNumber());
        return normalized(tree(fromSnapshot)).equals(normalized(tree(folded)));
    }

    /** The aggregate rebuilt from its events up to and including {@code upTo}, ignoring every snapshot. */
    private <T> T fold(Class<T> type, String aggregateIdentifier, long upTo) {
        EventSourcingRepository<T> fromEvents = new EventSourcingRepository<>(EventSourcingRepository.builder(type).eventStore(eventStore)) {
            @Override
            protected DomainEventStream readEvents(String identifier) {
                return DomainEventStream.of(eventStore.readEvents(identifier, 0).asStream()
                        .filter(event -> event.getSequenceNumber() <= upTo));
            }
        };
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            T root = fromEvents.load(aggregateIdentifier).invoke(aggregate -> aggregate);
            unitOfWork.rollback();
            return root;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    private JsonNode tree(Object aggregate) {
        return JSON.readTree(serializer.serialize(aggregate, byte[].class).getData());
    }

    /**
     * Collections without an order of their own (sets, maps' values) may serialize in another
     * order after a round trip: arrays are compared as sorted multisets.
     */
    private static JsonNode normalized(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(field -> copy.set(field.getKey(), normalized(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.valueStream().map(SnapshotAudit::normalized).sorted(Comparator.comparing(JsonNode::toString)).forEach(copy::add);
            return copy;
        }
        return node;
    }

    private record Snapshot(long sequenceNumber, String type, String payloadType, String payloadRevision, byte[] payload) {
    }
}
