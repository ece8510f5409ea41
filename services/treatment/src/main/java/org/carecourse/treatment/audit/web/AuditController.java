package org.carecourse.treatment.audit.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.carecourse.servicekit.audit.chain.ChainVerifier;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.web.CourseAccess;
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
    private final CourseAccess access;
    private final CourseDirectory courses;

    AuditController(ChainVerifier verifier, CourseAccess access, CourseDirectory courses) {
        this.verifier = verifier;
        this.access = access;
        this.courses = courses;
    }

    /** One course's chain: auditors any course, a clinic admin one that has been at their clinics. */
    @GetMapping("/courses/{courseId}/verification")
    ChainVerifier.Verification verify(@PathVariable UUID courseId) {
        access.toRead(StaffMember.current(), courseId);
        return verifier.verify(courseId.toString());
    }

    /**
     * Every course's chain (a clinic admin: the courses of their clinics), broken ones first;
     * for auditors also courses deleted from the store, which only their checkpoint remembers.
     */
    @GetMapping("/verification")
    List<ChainVerifier.Verification> verifyAll() {
        StaffMember staff = StaffMember.current();
        List<String> scope = staff.has(StaffRole.AUDITOR) ? verifier.allStreams() : courses.coursesAt(staff.clinics());
        return scope.stream().map(verifier::verify)
                .sorted(Comparator.comparing(ChainVerifier.Verification::intact)).toList();
    }
}
