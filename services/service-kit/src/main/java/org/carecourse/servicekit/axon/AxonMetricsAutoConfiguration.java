package org.carecourse.servicekit.axon;

import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands Boot's meter registry to Axon's metrics. Axon 4.13 orders its metrics configuration
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
}
