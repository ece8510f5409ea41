package org.carecourse.scheduling.clinic.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.scheduling.clinic.api.OpeningHours;
import org.carecourse.scheduling.clinic.api.SetOpeningHoursCommand;
import org.carecourse.scheduling.clinic.query.ClinicHours;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's opening hours on its own clock: its admins set them, its staff read them. */
@RestController
@RequestMapping("/api/clinics/{clinicId}/hours")
class OpeningHoursController {

    private final ClinicSetup setup;
    private final ClinicHours hours;

    OpeningHoursController(ClinicSetup setup, ClinicHours hours) {
        this.setup = setup;
        this.hours = hours;
    }

    @PutMapping
    @PreAuthorize("hasRole('admin')")
    OpeningHours set(@PathVariable UUID clinicId, @Valid @RequestBody HoursBody body) {
        setup.change(clinicId, new SetOpeningHoursCommand(clinicId, body.toHours()));
        return hours.of(clinicId).orElseThrow();
    }

    @GetMapping
    OpeningHours get(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return hours.of(clinicId).orElseThrow(() -> new NotFoundException("clinic " + clinicId + " has no opening hours set"));
    }

    /** Weekday names (MONDAY … SUNDAY) to at most 3 ranges each; at most one year's holidays. */
    record HoursBody(@NotNull @Size(max = 7) Map<DayOfWeek, @NotNull @Size(max = 3) List<@Valid RangeBody>> weekly,
            @Size(max = FieldLimits.LIST) Set<@NotNull LocalDate> closures) {

        OpeningHours toHours() {
            return new OpeningHours(weekly.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    day -> day.getValue().stream().map(r -> new OpeningHours.Range(r.opens(), r.closes())).toList())),
                    closures == null ? Set.of() : closures);
        }
    }

    record RangeBody(@NotNull LocalTime opens, @NotNull LocalTime closes) {

        @AssertTrue(message = "a range closes after it opens")
        boolean isOrdered() {
            return opens == null || closes == null || closes.isAfter(opens);
        }
    }
}
