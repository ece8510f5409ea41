package org.carecourse.treatment.audit;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends a link to the course's hash chain for every stored course event. It runs in a
 * subscribing processor, inside the transaction that appended the event, so an event is never
 * stored without its link; it hashes the row as the store wrote it, not the object in memory.
 */
@Component
@ProcessingGroup("treatment-hash-chain")
class HashChainLinker {

    private static final String COURSE = "TreatmentCourse";

    private final JdbcClient jdbc;
    private final CourseEventRows rows;

    HashChainLinker(JdbcClient jdbc, CourseEventRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (!COURSE.equals(event.getType())) {
            return; // protocol streams are clinic data, not a patient's course
        }
        String aggregate = event.getAggregateIdentifier();
        HashChain.StoredEvent stored = rows.byEventIdentifier(event.getIdentifier());
        List<String> previous = jdbc.sql("""
                        select link_hash from course_hash_chain where aggregate_identifier = ? and sequence_number = ?""")
                .params(aggregate, event.getSequenceNumber() - 1).query(String.class).list();
        String prev = event.getSequenceNumber() == 0 ? HashChain.GENESIS : previous.get(0);
        jdbc.sql("""
                        insert into course_hash_chain (aggregate_identifier, sequence_number, event_identifier, link_hash)
                        values (?, ?, ?, ?)""")
                .params(aggregate, event.getSequenceNumber(), event.getIdentifier(), HashChain.link(prev, stored))
                .update();
    }
}
