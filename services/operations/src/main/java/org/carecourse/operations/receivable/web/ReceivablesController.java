package org.carecourse.operations.receivable.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.receivable.query.ClinicReceivables;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Receivables by age per clinic of the operations user's token: amounts only. */
@RestController
@PreAuthorize(OperationsAccess.FIGURES)
class ReceivablesController {

    private final ClinicReceivables receivables;
    private final Clock clock;

    ReceivablesController(ClinicReceivables receivables, Clock clock) {
        this.receivables = receivables;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/receivables")
    List<ClinicReceivables.Aging> receivables() {
        List<UUID> clinics = StaffMember.current().clinics().stream().sorted().toList();
        return receivables.of(clinics, clock.instant());
    }
}
