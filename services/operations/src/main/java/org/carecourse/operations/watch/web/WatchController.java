package org.carecourse.operations.watch.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.watch.query.ClinicWatch;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open safety alerts and REMS forms owed at the operations user's clinics, now: counts only. */
@RestController
@PreAuthorize(OperationsAccess.FIGURES)
class WatchController {

    private final ClinicWatch watch;
    private final Clock clock;

    WatchController(ClinicWatch watch, Clock clock) {
        this.watch = watch;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/watch")
    List<ClinicWatch.Watch> watch() {
        List<UUID> clinics = StaffMember.current().clinics().stream().sorted().toList();
        return clinics.isEmpty() ? List.of() : watch.of(clinics, clock.instant());
    }
}
