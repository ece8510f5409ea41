package org.carecourse.scheduling.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.carecourse.scheduling.booking.planning.AvailabilitySearch;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
import org.carecourse.scheduling.clinic.query.ClinicView;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where and when a patient can be seen: at one clinic, or across the chain, in each clinic's local time. */
@RestController
class AvailabilityController {

    private final AvailabilitySearch search;
    private final BookingPlanner planner;
    private final ClinicDirectoryProjection clinics;
    private final ReadAccess reads;
    private final Clock clock;

    AvailabilityController(AvailabilitySearch search, BookingPlanner planner, ClinicDirectoryProjection clinics, ReadAccess reads,
            Clock clock) {
        this.search = search;
        this.planner = planner;
        this.clinics = clinics;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * The first {@code limit} free slots for the patient and type between the two dates (each
     * clinic's own dates), at the chosen clinics ({@code clinicId}, repeatable) or, without one, at
     * every clinic of the chain, earliest first (as instants; each slot says its clinic's local time). A slot
     * honours the clinic's hours, chairs and their turnover, who is on shift and their capacity,
     * and the patient's gates and other appointments. The search is read-audited: it tells about
     * the patient's eligibility.
     */
    @GetMapping("/api/availability")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
    List<AvailabilitySearch.Slot> find(@RequestParam UUID patientId, @RequestParam AppointmentType type, @RequestParam LocalDate from,
            @RequestParam LocalDate to, @RequestParam(name = "clinicId", required = false) @Size(max = 20) List<UUID> clinicIds,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        StaffMember staff = StaffMember.current();
        AvailabilitySearch.requireRange(from, to);
        List<ClinicView> where = clinicIds == null || clinicIds.isEmpty() ? clinics.all() : clinicIds.stream().distinct()
                .map(id -> clinics.find(id).orElseThrow(() -> new NotFoundException("no clinic " + id))).toList();
        if (where.isEmpty()) {
            return List.of();
        }
        reads.scoped(staff, ReadAccess.Subject.patient("availability", patientId, where.size() == 1 ? where.get(0).clinicId() : null), null);
        return search.search(where.stream().map(c -> planner.clinic(c.clinicId())).toList(), patientId, type, from, to, limit,
                clock.instant(), start -> true);
    }
}
