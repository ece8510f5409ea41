package org.carecourse.scheduling.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DayCapacityTest {

    private static final Instant NINE = Instant.parse("2027-01-12T16:00:00Z");
    private static final Duration INFUSION = Duration.ofMinutes(70);
    private static final UUID CHAIR_1 = UUID.randomUUID();
    private static final UUID CHAIR_2 = UUID.randomUUID();
    private static final UUID NURSE = UUID.randomUUID();

    private static DayCapacity.Held held(UUID chair, int seat, Instant start) {
        return new DayCapacity.Held(UUID.randomUUID(), chair, NURSE, seat, UUID.randomUUID(), start, start.plus(INFUSION),
                start.plus(INFUSION).plus(Duration.ofMinutes(15)));
    }

    @Test
    void aRefusalForTakenChairsNamesEveryAppointmentHoldingThem() {
        DayCapacity.Held first = held(CHAIR_1, 0, NINE);
        DayCapacity.Held second = held(CHAIR_2, 1, NINE.plus(Duration.ofMinutes(30)));
        DayCapacity.Outcome outcome = DayCapacity.place(List.of(first, second), new DayCapacity.Wanted(UUID.randomUUID(),
                NINE.plus(Duration.ofMinutes(45)), NINE.plus(Duration.ofMinutes(45)).plus(INFUSION),
                NINE.plus(Duration.ofMinutes(60)).plus(INFUSION), List.of(CHAIR_1, CHAIR_2), List.of(new DayCapacity.OnShift(NURSE, 4))));
        assertThat(outcome).isInstanceOf(DayCapacity.Refused.class);
        DayCapacity.Refusal refusal = ((DayCapacity.Refused) outcome).refusal();
        assertThat(refusal.rule()).isEqualTo("chair-taken");
        assertThat(refusal.conflicts()).extracting(c -> c.get("appointmentId"))
                .containsExactly(first.appointmentId().toString(), second.appointmentId().toString());
    }

    @Test
    void aFreeSecondChairIsTakenWithTheFirstFreeSeat() {
        DayCapacity.Outcome outcome = DayCapacity.place(List.of(held(CHAIR_1, 0, NINE)), new DayCapacity.Wanted(UUID.randomUUID(), NINE,
                NINE.plus(INFUSION), NINE.plus(INFUSION), List.of(CHAIR_1, CHAIR_2), List.of(new DayCapacity.OnShift(NURSE, 2))));
        assertThat(outcome).isEqualTo(new DayCapacity.Placed(new DayCapacity.Placement(CHAIR_2, NURSE, 1)));
    }
}
