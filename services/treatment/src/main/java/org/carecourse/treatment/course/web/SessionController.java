package org.carecourse.treatment.course.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.treatment.clinic.ClinicDirectory;
import org.carecourse.treatment.course.api.AdverseEventSeverity;
import org.carecourse.treatment.course.api.AmendEntryCommand;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.query.SessionLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What both kinds of session share: adverse events and amendments of either, a clinic day's
 * sessions and the REMS forms overdue at a clinic. Each kind's own steps are in
 * {@link InfusionSessionController} and {@link SpravatoSessionController}.
 */
@RestController
@PreAuthorize("hasAnyRole('nurse', 'prescriber')")
class SessionController {

    private static final int DAY_LIMIT = 500;

    private final SessionCommands sessionCommands;
    private final CourseDirectory directory;
    private final ClinicDirectory clinics;
    private final SessionLog sessions;
    private final ReadAccess reads;
    private final Clock clock;

    SessionController(SessionCommands sessionCommands, CourseDirectory directory, ClinicDirectory clinics, SessionLog sessions,
            ReadAccess reads, Clock clock) {
        this.sessionCommands = sessionCommands;
        this.directory = directory;
        this.clinics = clinics;
        this.sessions = sessions;
        this.reads = reads;
        this.clock = clock;
    }

    /** An adverse event of either kind of session, during it or within the protocol's days after it. */
    @PostMapping({"/api/courses/{courseId}/sessions/{sessionId}/adverse-events",
            "/api/courses/{courseId}/spravato-sessions/{sessionId}/adverse-events"})
    void adverseEvent(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AdverseEventBody body) {
        Instant now = clock.instant();
        sessionCommands.send(courseId,
                new ReportAdverseEventCommand(courseId, sessionId, body.type(), body.severity(), body.serious(),
                body.action(), body.onsetAt() != null ? body.onsetAt() : now, now));
    }

    /**
     * Corrects a charted entry of either kind of session with a reason: {@code amends} is the
     * sequence number of the event that charted it, as the timeline shows it.
     */
    @PostMapping({"/api/courses/{courseId}/sessions/{sessionId}/amendments",
            "/api/courses/{courseId}/spravato-sessions/{sessionId}/amendments"})
    void amend(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AmendBody body) {
        StaffMember staff = StaffMember.current();
        if (body.witness() != null && body.witness().equals(staff.userId())) {
            throw new InvalidFieldException("witness", "the witness must be another staff member");
        }
        sessionCommands.send(courseId,
                new AmendEntryCommand(courseId, sessionId, body.amends(), body.toAmendment(), body.reason(), staff.userId(),
                clock.instant()));
    }

    /**
     * The sessions that started at a clinic on one of its days ({@code date}, default today), the
     * day as the clinic lives it in its own zone. The read is audited.
     */
    @GetMapping("/api/clinics/{clinicId}/sessions")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<SessionLog.SessionEntry> day(@PathVariable UUID clinicId, @RequestParam(required = false) LocalDate date) {
        StaffMember staff = StaffMember.current();
        staff.requireReadable(clinicId);
        ZoneId zone = clinics.requireZone(clinicId);
        LocalDate day = date != null ? date : clock.instant().atZone(zone).toLocalDate();
        reads.clinicList(staff, "clinic-day-sessions", clinicId);
        return sessions.at(clinicId, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), DAY_LIMIT);
    }

    /** REMS forms past their 7-day due date and not submitted, at a clinic. */
    @GetMapping("/api/rems-forms/overdue")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<CourseDirectory.OverdueRemsForm> overdue(@RequestParam UUID clinicId) {
        reads.clinicList(StaffMember.current(), "overdue-rems-forms", clinicId);
        return directory.overdueRemsForms(clinicId, clock.instant());
    }

    record AdverseEventBody(@NotBlank @Size(max = FieldLimits.LINE) String type, @NotNull AdverseEventSeverity severity,
            boolean serious, @NotBlank @Size(max = FieldLimits.NOTE) String action, Instant onsetAt) {
    }

    record AmendBody(@Min(0) long amends, @NotNull @Pattern(regexp = "weight|vitals|stop-time|controlled-substance") String entry,
            @DecimalMin("20") @DecimalMax("400") BigDecimal weightKg, @Valid VitalsBody vitals, Instant stoppedAt,
            @Size(max = FieldLimits.LINE) String lot, @DecimalMin("0") BigDecimal givenMg, @DecimalMin("0") BigDecimal wastedMg,
            @Size(max = FieldLimits.LINE) String witness, @NotBlank @Size(max = FieldLimits.NOTE) String reason) {

        @AssertTrue(message = "give the entry's corrected values: weightKg; vitals with takenAt; stoppedAt; or lot, givenMg,"
                + " wastedMg and witness")
        boolean isComplete() {
            return switch (entry == null ? "" : entry) {
                case Amendment.WEIGHT -> weightKg != null;
                case Amendment.VITALS -> vitals != null && vitals.takenAt() != null;
                case Amendment.STOP_TIME -> stoppedAt != null;
                case Amendment.CONTROLLED_SUBSTANCE -> lot != null && givenMg != null && wastedMg != null && witness != null;
                default -> true;
            };
        }

        Amendment toAmendment() {
            return new Amendment(entry, weightKg, vitals == null ? null : vitals.takenBy(null), stoppedAt, lot, givenMg, wastedMg,
                    witness);
        }
    }
}
