package org.carecourse.servicekit.axon;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, waking its tracking processors when the events are really
 * committed. Axon wakes them when its unit of work commits; a command that runs inside a longer
 * Spring transaction (every request and inbound event here, see {@link CommandDispatch}) commits
 * its unit of work before the transaction does, so the wake-up found nothing new and the relay
 * slept until its next poll, up to a second later. Deferred to the transaction's own commit, the
 * wake-up finds the events.
 */
class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommitAwareEventStore.super.afterCommit(events);
                }
            });
        } else {
            super.afterCommit(events);
        }
    }
}
