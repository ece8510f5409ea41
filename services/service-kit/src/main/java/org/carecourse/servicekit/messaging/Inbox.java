package org.carecourse.servicekit.messaging;

import org.carecourse.contracts.IntegrationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Remembers which integration events a consumer has already applied. */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event for the consumer; true the first time only. Must run inside the
     * transaction of the effect, so a rolled-back effect also forgets the delivery.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, IntegrationEvent<?> event) {
        return jdbc.sql("""
                        insert into inbox_message (consumer, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing""")
                .params(consumer, event.eventId(), event.type())
                .update() == 1;
    }
}
