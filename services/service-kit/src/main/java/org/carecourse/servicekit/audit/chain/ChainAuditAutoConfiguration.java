package org.carecourse.servicekit.audit.chain;

import java.time.Clock;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tamper evidence for a service that chains streams (declares a {@link HashChainLinker}): the
 * verifier, the signed checkpoints and their audit endpoints. Such a service does not start
 * without its checkpoint key.
 */
@AutoConfiguration
@ConditionalOnBean(HashChainLinker.class)
@EnableConfigurationProperties(AuditProperties.class)
public class ChainAuditAutoConfiguration {

    @Bean
    CheckpointKey checkpointKey(AuditProperties properties) {
        return new CheckpointKey(properties.checkpointKey() == null ? "" : properties.checkpointKey());
    }

    @Bean
    ChainCheckpoints chainCheckpoints(JdbcClient jdbc, CheckpointKey key, TransactionTemplate transactions, Clock clock) {
        return new ChainCheckpoints(jdbc, key, transactions, clock);
    }

    @Bean
    SnapshotAudit snapshotAudit(JdbcClient jdbc, EventStore eventStore, @Qualifier("serializer") Serializer serializer) {
        return new SnapshotAudit(jdbc, eventStore, serializer);
    }

    @Bean
    ChainVerifier chainVerifier(JdbcClient jdbc, ChainCheckpoints checkpoints, SnapshotAudit snapshots) {
        return new ChainVerifier(jdbc, checkpoints, snapshots);
    }

    @Bean
    ChainAuditController chainAuditController(ChainVerifier verifier, ChainCheckpoints checkpoints) {
        return new ChainAuditController(verifier, checkpoints);
    }
}
