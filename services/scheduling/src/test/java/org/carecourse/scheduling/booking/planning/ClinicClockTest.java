package org.carecourse.scheduling.booking.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.Shift;
import org.carecourse.scheduling.clinic.api.StaffRole;
import org.carecourse.scheduling.clinic.query.ClinicView;
import org.carecourse.scheduling.clinic.query.StaffRoster;
import org.junit.jupiter.api.Test;

/** The week Denver changes its clocks: shifts and slots follow the clinic's clock, never UTC's. */
class ClinicClockTest {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    /** Clocks spring forward at 02:00 on Sunday 2027-03-14. */
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 14);
    private static final LocalDate FALL_BACK = LocalDate.of(2027, 11, 7);
    private static final UUID NURSE = UUID.randomUUID();

    private static BookingPlanner.Clinic denverWithNurse(DayOfWeek... days) {
        List<Shift> shifts = java.util.Arrays.stream(days).map(day -> new Shift(day, LocalTime.of(8, 0), LocalTime.of(17, 0))).toList();
        return new BookingPlanner.Clinic(new ClinicView(UUID.randomUUID(), "CareCourse Denver", DENVER.getId()), DENVER,
                new SchedulingPolicy(false, 2, 24, 15, List.of(48, 2), Map.of()), List.of(),
                List.of(new StaffRoster.Assignment(null, NURSE, "Nurse", StaffRole.NURSE, shifts)), Optional.empty());
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(DENVER).toInstant();
    }

    @Test
    void aShiftFrom8To17CoversNineOnTheClinicsClockOnBothSidesOfTheChange() {
        BookingPlanner.Clinic clinic = denverWithNurse(DayOfWeek.FRIDAY, DayOfWeek.MONDAY);
        Instant fridayNine = at(SPRING_FORWARD.minusDays(2), 9);
        Instant mondayNine = at(SPRING_FORWARD.plusDays(1), 9);
        assertThat(fridayNine.toString()).endsWith("T16:00:00Z");
        assertThat(mondayNine.toString()).as("an hour earlier in UTC").endsWith("T15:00:00Z");
        for (Instant nine : List.of(fridayNine, mondayNine)) {
            assertThat(BookingPlanner.onShift(clinic, StaffRole.NURSE, nine, nine.plusSeconds(70 * 60), null))
                    .extracting(c -> c.staffId()).containsExactly(NURSE);
        }
        Instant mondaySevenThirtyMdt = at(SPRING_FORWARD.plusDays(1), 7).plusSeconds(1800);
        assertThat(BookingPlanner.onShift(clinic, StaffRole.NURSE, mondaySevenThirtyMdt, mondaySevenThirtyMdt.plusSeconds(70 * 60),
                null)).as("07:30 on Monday's clock is before the shift, though it is 08:30 on Friday's offset").isEmpty();
        assertThat(BookingPlanner.onShift(clinic, StaffRole.PRESCRIBER, fridayNine, fridayNine.plusSeconds(1800), null)).isEmpty();
    }

    @Test
    void theDayClocksSpringForwardHasNoSlotsInTheMissingHourAndTheDayTheyFallBackOffersEachTimeOnce() {
        List<Instant> spring = AvailabilitySearch.grid(SPRING_FORWARD, DENVER);
        assertThat(spring).hasSize(92).doesNotHaveDuplicates().isSorted();
        assertThat(spring).noneMatch(start -> start.atZone(DENVER).getHour() == 2);
        List<Instant> fall = AvailabilitySearch.grid(FALL_BACK, DENVER);
        assertThat(fall).hasSize(96).doesNotHaveDuplicates().isSorted();
        assertThat(AvailabilitySearch.grid(SPRING_FORWARD.plusDays(1), DENVER)).hasSize(96).first()
                .isEqualTo(at(SPRING_FORWARD.plusDays(1), 0));
    }
}
