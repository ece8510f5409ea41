package org.carecourse.servicekit.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Axon's meters for what an operator watches: each streaming processor's latency (age of the
 * event being handled), capacity and message counts, tagged {@code processorName}. Not every
 * command and event on the buses: Axon's full module timed every message by payload type, a
 * meter lookup per message on the request path, for figures the HTTP meters already give.
 *
 * <p>It also hands Boot's meter registry to Axon. Axon 4.13 orders its metrics configuration
 * after Boot 3's registry configuration (class names Boot 4 no longer has), so left alone it runs
 * first, finds no registry and creates a private one: its processor meters never reach the
 * Prometheus endpoint. Ordered after Boot 4's registry and before Axon, this supplies the one
 * Axon then uses.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
public class AxonMetricsAutoConfiguration {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    /** A processor's monitor sees only event messages; Axon's factory type is wider, hence the cast. */
    @Bean
    @SuppressWarnings("unchecked")
    ConfigurerModule streamingProcessorMetrics(GlobalMetricRegistry metrics) {
        // One set of names for every processor (eventProcessor_latency, _capacity, ...), the
        // processor in the processorName tag, instead of a meter name per processor.
        MessageMonitorFactory perProcessor = (configuration, componentType, name) -> (MessageMonitor<Message<?>>)
                metrics.registerComponentWithDefaultTags(componentType, name);
        return configurer -> configurer
                .configureMessageMonitor(TrackingEventProcessor.class, perProcessor)
                .configureMessageMonitor(PooledStreamingEventProcessor.class, perProcessor);
    }
}
