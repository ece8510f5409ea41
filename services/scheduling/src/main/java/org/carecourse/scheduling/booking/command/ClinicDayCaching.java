package org.carecourse.scheduling.booking.command;

import org.axonframework.common.caching.Cache;
import org.carecourse.servicekit.axon.VersionCheckedAggregateCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clinic day in use stays loaded between bookings, so its 300th booking costs what its first
 * does; the cached one serves while it matches the store's version (kit).
 */
@Configuration(proxyBeanMethods = false)
class ClinicDayCaching {

    @Bean
    Cache clinicDayCache(JdbcClient jdbc) {
        return VersionCheckedAggregateCache.forHotAggregates(jdbc);
    }
}
