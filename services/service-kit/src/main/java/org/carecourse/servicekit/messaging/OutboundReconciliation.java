package org.carecourse.servicekit.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.carecourse.servicekit.axon.ProcessorLag;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares what the event store holds with what the relay passed on. Every stored event of a
 * type the relay publishes, at or behind the relay's position, must be either published or
 * parked; one that is neither was skipped (e.g. by a gap that timed out) and is reported as
 * missing. Events ahead of the position, or in a gap still open, are pending.
 */
public class OutboundReconciliation {

    private final JdbcClient jdbc;
    private final Configuration axon;
    private final String processorName;

    public OutboundReconciliation(JdbcClient jdbc, Configuration axon, String processorName) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.processorName = processorName;
    }

    public Report report() {
        var processor = axon.eventProcessingConfiguration().eventProcessor(processorName, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return Report.unknown(processorName, "this service has no relay processor of that name");
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        if (status.isEmpty()) {
            return Report.unknown(processorName, "the relay runs in another instance or has not started");
        }
        long position = ProcessorLag.slowestPosition(status.values()).orElseThrow();
        Set<Long> gaps = new TreeSet<>();
        for (EventTrackerStatus segment : status.values()) {
            if (segment.getTrackingToken() != null
                    && WrappedToken.unwrapLowerBound(segment.getTrackingToken()) instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        }
        List<String> types = publishedTypes((AbstractEventProcessor) processor.get());
        if (types.isEmpty()) {
            return new Report(processorName, position, 0, 0, 0, 0, 0, "no stored event is of a published type");
        }
        final long upTo = position;
        Long[] gapArray = gaps.toArray(Long[]::new);
        return jdbc.sql("""
                        select count(*) as stored,
                               count(*) filter (where e.global_index > :upTo or e.global_index = any(:gaps)) as pending,
                               count(p.event_id) as published,
                               count(k.event_id) as parked,
                               count(*) filter (where e.global_index <= :upTo and not (e.global_index = any(:gaps))
                                                and p.event_id is null and k.event_id is null) as missing
                        from domain_event_entry e
                        left join outbound_published p on p.event_id = e.event_identifier::uuid
                        left join outbound_parked k on k.event_id = e.event_identifier::uuid
                        where e.payload_type in (:types)""")
                .param("upTo", upTo)
                .param("gaps", gapArray)
                .param("types", types)
                .query((rs, n) -> new Report(processorName, upTo, rs.getLong("stored"),
                        rs.getLong("published"), rs.getLong("parked"), rs.getLong("pending"), rs.getLong("missing"), null))
                .single();
    }

    /** The stored payload types the relay has a handler for. */
    private List<String> publishedTypes(AbstractEventProcessor relay) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return jdbc.sql("select distinct payload_type from domain_event_entry").query(String.class).list().stream()
                .filter(type -> {
                    try {
                        return relay.eventHandlerInvoker().canHandleType(Class.forName(type, false, loader));
                    } catch (ClassNotFoundException e) {
                        return false;
                    }
                })
                .toList();
    }

    /**
     * @param stored    stored events of published types
     * @param published of those, passed to Kafka
     * @param parked    of those, parked as unpublishable
     * @param pending   ahead of the relay's position or in a gap it still waits for
     * @param missing   behind the relay yet neither published nor parked: lost to the relay
     */
    public record Report(String processor, long relayPosition, long stored, long published, long parked, long pending,
            long missing, String note) {

        static Report unknown(String processor, String note) {
            return new Report(processor, -1, -1, -1, -1, -1, -1, note);
        }
    }
}
