package org.carecourse.billing.account.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.carecourse.billing.BillingProperties;
import org.carecourse.servicekit.axon.CurrentShapeSnapshots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A patient of years loads from a snapshot plus the events after it. */
@Configuration(proxyBeanMethods = false)
class AccountSnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter, BillingProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Only snapshots of the account's current shape are used; older ones are skipped, not misread. */
    @Bean
    SnapshotFilter accountSnapshotFilter() {
        return CurrentShapeSnapshots.of(PatientAccount.class);
    }
}
