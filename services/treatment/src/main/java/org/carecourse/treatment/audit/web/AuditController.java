package org.carecourse.treatment.audit.web;

import java.util.List;
import java.util.UUID;

import org.carecourse.treatment.audit.ChainVerifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proof that nothing was altered: for auditors (and admins), read-only. Who read what: the kit's /api/audit/reads. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('auditor', 'admin')")
class AuditController {

    private final ChainVerifier verifier;

    AuditController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/courses/{courseId}/verification")
    ChainVerifier.Verification verify(@PathVariable UUID courseId) {
        return verifier.verify(courseId.toString());
    }

    /** Every course's chain; broken ones first. */
    @GetMapping("/verification")
    List<ChainVerifier.Verification> verifyAll() {
        return verifier.allCourses().stream().map(verifier::verify)
                .sorted(java.util.Comparator.comparing(ChainVerifier.Verification::intact)).toList();
    }
}
