package org.carecourse.servicekit.axon;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far each streaming processor is behind the event store, in events
 * ({@code carecourse.processor.lag}, tagged {@code processor}): the head of the store minus the
 * position of the processor's slowest segment. For a relay ({@code <service>-outbound}) it is the
 * number of stored events not yet published to Kafka. Axon's own meters beside it give each
 * processor's latency (age of the event being handled) and capacity; Hikari's give pool waits;
 * the Kafka binder's give each consumer group's lag on its topics.
 */
public class ProcessorLag {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final MeterRegistry meters;
    private final Map<String, Long> lastPositions = new ConcurrentHashMap<>();

    public ProcessorLag(EventProcessingConfiguration processing, EventStore events, MeterRegistry meters) {
        this.processing = processing;
        this.events = events;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("carecourse.processor.lag", streaming, p -> lag(name, p))
                        .tag("processor", name)
                        .description("events stored but not yet handled by this processor")
                        .baseUnit("events")
                        .register(meters);
            }
        });
    }

    /**
     * The position of the slowest of these segments (a segment without a position counts as -1,
     * before the first event); empty when there are no segments, i.e. the processor does not run
     * here.
     */
    public static OptionalLong slowestPosition(Collection<EventTrackerStatus> segments) {
        return segments.stream()
                .mapToLong(segment -> segment.getTrackingToken() == null ? -1
                        : WrappedToken.unwrapLowerBound(segment.getTrackingToken()).position().orElse(-1))
                .min();
    }

    /**
     * Events between the store's head and the processor's slowest segment. A processor paused
     * here keeps the position it stopped at, so its lag grows while it is paused; one never seen
     * running here is NaN.
     */
    double lag(String name, StreamingEventProcessor processor) {
        try {
            slowestPosition(processor.processingStatus().values()).ifPresent(position -> lastPositions.put(name, position));
            Long slowest = lastPositions.get(name);
            if (slowest == null) {
                return Double.NaN;
            }
            TrackingToken headToken = events.createHeadToken();
            long head = headToken == null ? -1 : headToken.position().orElse(-1);
            return Math.max(0, head - slowest);
        } catch (RuntimeException databaseUnavailable) {
            return Double.NaN;
        }
    }
}
