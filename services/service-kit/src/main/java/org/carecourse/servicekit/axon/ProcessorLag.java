package org.carecourse.servicekit.axon;

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
        for (Map.Entry<String, StreamingEventProcessor> processor
                : processing.eventProcessors().entrySet().stream()
                        .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                        .map(e -> Map.entry(e.getKey(), (StreamingEventProcessor) e.getValue())).toList()) {
            Gauge.builder("carecourse.processor.lag", processor.getValue(), p -> lag(processor.getKey(), p))
                    .tag("processor", processor.getKey())
                    .description("events stored but not yet handled by this processor")
                    .baseUnit("events")
                    .register(meters);
        }
    }

    /**
     * Events between the store's head and the processor's slowest segment. A processor paused
     * here keeps the position it stopped at, so its lag grows while it is paused; one never seen
     * running here is NaN.
     */
    double lag(String name, StreamingEventProcessor processor) {
        try {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            if (!segments.isEmpty()) {
                long slowest = Long.MAX_VALUE;
                for (EventTrackerStatus segment : segments.values()) {
                    TrackingToken token = segment.getTrackingToken();
                    OptionalLong position = token == null ? OptionalLong.empty() : WrappedToken.unwrapLowerBound(token).position();
                    slowest = Math.min(slowest, position.orElse(-1));
                }
                lastPositions.put(name, slowest);
            }
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
