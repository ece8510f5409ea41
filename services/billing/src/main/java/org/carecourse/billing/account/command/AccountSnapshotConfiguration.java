package org.carecourse.billing.account.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.carecourse.billing.BillingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A patient of years loads from a snapshot plus the events after it. */
@Configuration(proxyBeanMethods = false)
class AccountSnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter, BillingProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Only snapshots of the account's current shape (its {@code @Revision}) are used; older ones are skipped, not misread. */
    @Bean
    SnapshotFilter accountSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(PatientAccount.class)
                .revision(PatientAccount.class.getAnnotation(Revision.class).value()).build();
    }
}
