package org.carecourse.screening.screeningcase.web;

import java.time.Clock;
import java.util.UUID;

import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.protocol.query.ProtocolVersions;
import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds a case for the caller, enforcing clinic scope, and the protocol in effect at its clinic. */
@Component
class CaseAccess {

    private final ScreeningCaseQueries cases;
    private final ProtocolVersions protocols;
    private final ReadAccess reads;
    private final Clock clock;

    CaseAccess(ScreeningCaseQueries cases, ProtocolVersions protocols, ReadAccess reads, Clock clock) {
        this.cases = cases;
        this.protocols = protocols;
        this.reads = reads;
        this.clock = clock;
    }

    /** The case, if the caller may act at its clinic (403 otherwise, 404 if unknown). */
    ScreeningCaseView toChange(StaffMember staff, UUID caseId) {
        ScreeningCaseView view = find(caseId);
        staff.requireClinic(view.clinicId());
        return view;
    }

    /** The case, if the caller may read its clinic's data; the read of {@code what} is audited. */
    ScreeningCaseView toRead(StaffMember staff, UUID caseId, String what, String purpose) {
        ScreeningCaseView view = find(caseId);
        reads.record(staff, new ReadAccess.Subject(what, caseId, view.patientId(), view.clinicId()), purpose);
        return view;
    }

    /** As {@link #toRead}, for the chart itself (answers, history): refused (400) without a purpose. */
    ScreeningCaseView toOpenChart(StaffMember staff, UUID caseId, String what, String purpose) {
        ScreeningCaseView view = find(caseId);
        reads.chart(staff, new ReadAccess.Subject(what, caseId, view.patientId(), view.clinicId()), purpose);
        return view;
    }

    ProtocolVersion protocolInEffect(UUID clinicId) {
        return protocols.requireInEffect(clinicId, clock.instant());
    }

    private ScreeningCaseView find(UUID caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("no screening case " + caseId));
    }
}
