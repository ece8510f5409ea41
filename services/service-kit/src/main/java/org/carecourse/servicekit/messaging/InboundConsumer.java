package org.carecourse.servicekit.messaging;

import java.util.function.Consumer;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.messaging.Message;

/**
 * The one shape of a service's inbound adapter: a component per bound topic, named after its
 * binding (e.g. {@code @Component("treatmentEvents")} for {@code treatmentEvents-in-0}), that
 * declares the effects of the events it reads. {@link InboundEvents} reads and checks each record
 * against its contract and applies it once, in one transaction with the inbox row.
 */
public abstract class InboundConsumer implements Consumer<Message<byte[]>>, InitializingBean {

    private final InboundEvents inbound;
    private final String name;
    /** Built once the subclass's collaborators are set, before the binder starts delivering records. */
    private InboundEffects effects;

    /** @param name the inbox's name for this consumer, e.g. {@code treatment-screening} */
    protected InboundConsumer(InboundEvents inbound, String name) {
        this.inbound = inbound;
        this.name = name;
    }

    /** What this consumer does with each payload type it acts on (or with every event, {@link InboundEffects#every}). */
    protected abstract InboundEffects effects();

    @Override
    public void afterPropertiesSet() {
        effects = effects();
    }

    @Override
    public final void accept(Message<byte[]> message) {
        inbound.accept(name, message.getPayload(), effects);
    }
}
