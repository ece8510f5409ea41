package org.carecourse.servicekit.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;

/**
 * What a consumer does with each payload type it acts on, and so which types it does not act on.
 * A topic carries every event of its producer, and most consumers act on a few of them; {@link
 * InboundEvents} acknowledges the others without opening a transaction or writing an inbox row,
 * since an event with no effect cannot have a second one. Declaring the types here, beside their
 * effects, keeps the two from drifting apart.
 */
public final class InboundEffects {

    private final Map<Class<? extends EventPayload>, BiConsumer<IntegrationEvent<EventPayload>, EventPayload>> byType =
            new LinkedHashMap<>();

    /** The effect of every event, whatever its type (a read model that folds in all of a topic); null when effects are by type. */
    private final Consumer<IntegrationEvent<EventPayload>> everyEvent;

    private InboundEffects(Consumer<IntegrationEvent<EventPayload>> everyEvent) {
        this.everyEvent = everyEvent;
    }

    public static InboundEffects effects() {
        return new InboundEffects(null);
    }

    /** One effect for every event of the topic: nothing is skipped. */
    public static InboundEffects every(Consumer<IntegrationEvent<EventPayload>> effect) {
        return new InboundEffects(effect);
    }

    /** The effect of one payload type (payloads are records: exact types, no subtypes). */
    @SuppressWarnings("unchecked")
    public <P extends EventPayload> InboundEffects on(Class<P> type, BiConsumer<IntegrationEvent<EventPayload>, P> effect) {
        if (everyEvent != null) {
            throw new IllegalStateException("these effects act on every event already");
        }
        if (byType.putIfAbsent(type, (event, payload) -> effect.accept(event, (P) payload)) != null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has an effect already");
        }
        return this;
    }

    /** True when this consumer acts on the payload's type. */
    public boolean actsOn(EventPayload payload) {
        return everyEvent != null || byType.containsKey(payload.getClass());
    }

    public Set<Class<? extends EventPayload>> types() {
        return Set.copyOf(byType.keySet());
    }

    void apply(IntegrationEvent<EventPayload> event) {
        if (everyEvent != null) {
            everyEvent.accept(event);
            return;
        }
        BiConsumer<IntegrationEvent<EventPayload>, EventPayload> effect = byType.get(event.payload().getClass());
        if (effect != null) {
            effect.accept(event, event.payload());
        }
    }
}
