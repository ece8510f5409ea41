package org.carecourse.contracts.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A clinic's opening hours as a whole, on its own clock: the ranges it is open on each weekday
 * ({@code day} {@code MONDAY}…{@code SUNDAY}, {@code opens}/{@code closes} {@code HH:mm}; a day
 * without ranges is closed) and the dates it is closed. With its chairs, what a clinic can offer.
 */
public record ClinicHoursSet(
        UUID clinicId,
        @Size(max = FieldLimits.LIST) List<@Valid Range> weekly,
        @Size(max = FieldLimits.LIST) List<LocalDate> closures) implements EventPayload {

    public ClinicHoursSet {
        weekly = List.copyOf(weekly);
        closures = List.copyOf(closures);
    }

    public record Range(
            @Size(max = FieldLimits.CODE) String day,
            @Size(max = FieldLimits.CODE) String opens,
            @Size(max = FieldLimits.CODE) String closes) {
    }
}
