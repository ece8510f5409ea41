package org.carecourse.operations.outcome.web;

import java.util.List;
import java.util.UUID;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.outcome.query.CourseOutcomes;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Response and remission rates per clinic of the operations user's token: counts and rates only. */
@RestController
@PreAuthorize(OperationsAccess.FIGURES)
class OutcomesController {

    private final CourseOutcomes outcomes;

    OutcomesController(CourseOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/api/dashboard/outcomes")
    List<CourseOutcomes.Outcomes> outcomes() {
        List<UUID> clinics = StaffMember.current().clinics().stream().sorted().toList();
        return clinics.isEmpty() ? List.of() : outcomes.of(clinics);
    }
}
