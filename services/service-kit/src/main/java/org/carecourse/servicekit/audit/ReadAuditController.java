package org.carecourse.servicekit.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read what: auditors see every clinic's reads, a clinic admin those of their clinics. */
@RestController
@RequestMapping("/api/audit/reads")
@PreAuthorize("hasAnyRole('auditor', 'admin')")
public class ReadAuditController {

    private final ReadAuditLog log;

    public ReadAuditController(ReadAuditLog log) {
        this.log = log;
    }

    @GetMapping
    List<ReadAuditLog.Read> reads(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) UUID subjectId,
            @RequestParam(required = false) String readerId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        StaffMember staff = StaffMember.current();
        return log.find(new ReadAuditLog.Filter(patientId, subjectId, readerId, from, to),
                staff.has(StaffRole.AUDITOR) ? null : staff.clinics());
    }
}
