package org.carecourse.treatment.course.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.treatment.course.query.SafetyAlertQueue;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's queue of safety alerts on its courses: open ones hold the course until followed up. */
@RestController
class SafetyAlertController {

    private static final int PAGE = 200;

    private final SafetyAlertQueue queue;
    private final ReadAccess reads;

    SafetyAlertController(SafetyAlertQueue queue, ReadAccess reads) {
        this.queue = queue;
        this.reads = reads;
    }

    @GetMapping("/api/clinics/{clinicId}/safety-alerts")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<SafetyAlertQueue.Alert> queue(@PathVariable UUID clinicId,
            @RequestParam(defaultValue = "open") @Pattern(regexp = "open|resolved") String status) {
        StaffMember staff = StaffMember.current();
        reads.clinicList(staff, "course-safety-alert-queue", clinicId);
        return queue.at(clinicId, status.equals("open"), PAGE);
    }
}
