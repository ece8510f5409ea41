package org.carecourse.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.treatment.CourseHeld;
import org.carecourse.contracts.treatment.PhaseChanged;
import org.junit.jupiter.api.Test;

class InboundEffectsTest {

    private final List<String> applied = new ArrayList<>();
    private final InboundEffects effects = InboundEffects.effects()
            .on(PhaseChanged.class, (event, changed) -> applied.add("phase " + changed.to() + " of " + event.patientId()));

    @Test
    void aDeclaredTypeIsActedOnWithItsTypedPayloadAndItsEnvelope() {
        UUID patient = UUID.randomUUID();
        IntegrationEvent<EventPayload> event = event(patient, new PhaseChanged(UUID.randomUUID(), "induction", "maintenance"));

        assertThat(effects.actsOn(event.payload())).isTrue();
        effects.apply(event);

        assertThat(applied).containsExactly("phase maintenance of " + patient);
    }

    @Test
    void anyOtherTypeIsNotActedOnAndApplyingItDoesNothing() {
        IntegrationEvent<EventPayload> event = event(UUID.randomUUID(), new CourseHeld(UUID.randomUUID(), "safety-alert"));

        assertThat(effects.actsOn(event.payload())).isFalse();
        effects.apply(event);

        assertThat(applied).isEmpty();
        assertThat(effects.types()).containsExactly(PhaseChanged.class);
    }

    @Test
    void aTypeCannotHaveTwoEffects() {
        assertThatThrownBy(() -> effects.on(PhaseChanged.class, (event, changed) -> applied.add("again")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PhaseChanged");
    }

    private static IntegrationEvent<EventPayload> event(UUID patient, EventPayload payload) {
        return IntegrationEvent.of(UUID.randomUUID(), Instant.now(), patient, null, "correlation", "cause", Actor.system("test"), payload);
    }
}
