package org.carecourse.treatment.course.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Long courses load from a snapshot plus the events after it; the threshold is configurable. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition courseSnapshotTrigger(Snapshotter snapshotter,
            @Value("${carecourse.treatment.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Only snapshots of the course's current shape are used; older ones are skipped, not misread. */
    @Bean
    SnapshotFilter courseSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(TreatmentCourse.class).revision("6").build();
    }
}
