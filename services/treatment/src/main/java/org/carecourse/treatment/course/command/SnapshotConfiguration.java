package org.carecourse.treatment.course.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.carecourse.servicekit.axon.CurrentShapeSnapshots;
import org.carecourse.servicekit.axon.VersionCheckedAggregateCache;
import org.carecourse.treatment.TreatmentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Long courses load from a snapshot plus the events after it (the threshold is configurable), and
 * a course in use is not loaded at all: the cached one serves while it matches the store.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition courseSnapshotTrigger(Snapshotter snapshotter, TreatmentProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Courses in use stay loaded between commands, checked against the store's version on each (kit). */
    @Bean
    Cache courseCache(JdbcClient jdbc) {
        return VersionCheckedAggregateCache.forHotAggregates(jdbc);
    }

    /** Only snapshots of the course's current shape are used; older ones are skipped, not misread. */
    @Bean
    SnapshotFilter courseSnapshotFilter() {
        return CurrentShapeSnapshots.of(TreatmentCourse.class);
    }
}
