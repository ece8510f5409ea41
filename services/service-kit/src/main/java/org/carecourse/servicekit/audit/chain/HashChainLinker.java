package org.carecourse.servicekit.audit.chain;

import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends a link to a stream's hash chain for every stored event of the chained aggregate types.
 * A service declares one subclass as a component in a subscribing processing group, so it runs
 * inside the transaction that appended the event: an event is never stored without its link. It
 * hashes the row as the store wrote it, not the object in memory.
 */
public abstract class HashChainLinker {

    private final JdbcClient jdbc;
    private final StoredEvents rows;
    private final Set<String> aggregateTypes;

    protected HashChainLinker(JdbcClient jdbc, Set<String> aggregateTypes) {
        this.jdbc = jdbc;
        this.rows = new StoredEvents(jdbc);
        this.aggregateTypes = Set.copyOf(aggregateTypes);
    }

    /** The aggregate types this service chains, e.g. {@code TreatmentCourse}. */
    public Set<String> aggregateTypes() {
        return aggregateTypes;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (!aggregateTypes.contains(event.getType())) {
            return; // e.g. a clinic's protocol stream: clinic data, not a patient's record
        }
        String aggregate = event.getAggregateIdentifier();
        HashChain.StoredEvent stored = rows.byEventIdentifier(event.getIdentifier());
        List<String> previous = jdbc.sql("""
                        select link_hash from event_hash_chain where aggregate_identifier = ? and sequence_number = ?""")
                .params(aggregate, event.getSequenceNumber() - 1).query(String.class).list();
        String prev = event.getSequenceNumber() == 0 ? HashChain.GENESIS : previous.get(0);
        jdbc.sql("""
                        insert into event_hash_chain (aggregate_identifier, sequence_number, event_identifier, link_hash, aggregate_type)
                        values (?, ?, ?, ?, ?)""")
                .params(aggregate, event.getSequenceNumber(), event.getIdentifier(), HashChain.link(prev, stored), event.getType())
                .update();
    }
}
