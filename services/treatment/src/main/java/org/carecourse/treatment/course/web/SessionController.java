package org.carecourse.treatment.course.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.audit.ReadAuditLog;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.domain.Coded;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.treatment.clinic.ClinicDirectory;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AbortInfusionSessionCommand;
import org.carecourse.treatment.course.api.AbortReason;
import org.carecourse.treatment.course.api.AbortSpravatoSessionCommand;
import org.carecourse.treatment.course.api.AdverseEventSeverity;
import org.carecourse.treatment.course.api.AmendEntryCommand;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.CompleteInfusionSessionCommand;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.RecordControlledSubstanceCommand;
import org.carecourse.treatment.course.api.RecordInfusionVitalsCommand;
import org.carecourse.treatment.course.api.RecordSpravatoVitalsCommand;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.api.ResumeInfusionCommand;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;
import org.carecourse.treatment.course.api.StopInfusionCommand;
import org.carecourse.treatment.course.api.StopReason;
import org.carecourse.treatment.course.api.SubmitRemsFormCommand;
import org.carecourse.treatment.course.query.CourseDirectory.CourseSummary;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.query.SessionLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Infusion and Spravato sessions, at the clinic the course is at. */
@RestController
@PreAuthorize("hasAnyRole('nurse', 'prescriber')")
class SessionController {

    private final CommandDispatch commands;
    private final CourseAccess access;
    private final CourseDirectory directory;
    private static final int DAY_LIMIT = 500;

    private final ClinicDirectory clinics;
    private final SessionLog sessions;
    private final ReadAuditLog readAudit;
    private final Clock clock;

    SessionController(CommandDispatch commands, CourseAccess access, CourseDirectory directory, ClinicDirectory clinics,
            SessionLog sessions, ReadAuditLog readAudit, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.clinics = clinics;
        this.sessions = sessions;
        this.readAudit = readAudit;
        this.clock = clock;
    }

    /**
     * Pre-checks, dose and start. A rule the start would break (dose cap, minimum spacing, the
     * series' count or window) is set aside only by a prescriber's reason in {@code overrides}.
     */
    @PostMapping("/api/courses/{courseId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@PathVariable UUID courseId, @Valid @RequestBody StartBody body) {
        StaffMember staff = StaffMember.current();
        Map<OverrideRule, String> overrides = overrides(staff, body.overrides());
        CourseSummary course = access.toChange(staff, courseId);
        UUID sessionId = UUID.randomUUID();
        Instant now = clock.instant();
        Dose dose = commands.sendAs(staff, course.clinicId(), new StartInfusionSessionCommand(courseId, sessionId,
                body.clinicId(), clinics.requireZone(body.clinicId()), body.vitals().takenBy(now), body.fastingConfirmed(),
                body.escortConfirmed(), body.weightKg(), body.weightMeasuredAt(), body.mgPerKg(), overrides, staff.userId(), now));
        return Map.of("sessionId", sessionId, "dose", dose);
    }

    /** A reading, possibly charted late ({@code takenAt}); returns its hold reasons, if it held the infusion. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/vitals")
    Map<String, Object> vitals(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody VitalsBody body) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        Instant now = clock.instant();
        List<String> holdReasons = commands.sendAs(staff, course.clinicId(),
                new RecordInfusionVitalsCommand(courseId, sessionId, body.takenBy(now), now));
        return Map.of("holdReasons", holdReasons);
    }

    /** A held infusion runs again on a reading back under the hold thresholds and the clinician's decision. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/resume")
    void resume(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody ResumeBody body) {
        Instant now = clock.instant();
        send(courseId, new ResumeInfusionCommand(courseId, sessionId, body.reading().takenBy(now), body.decision(),
                StaffMember.current().userId(), now));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/stop")
    void stop(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody StopBody body) {
        send(courseId, new StopInfusionCommand(courseId, sessionId, body.mgGiven(), body.reason(), body.note(), clock.instant()));
    }

    /** Ends the session without a discharge; a running infusion needs what ran ({@code mgGiven}). */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/abort")
    void abort(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AbortBody body) {
        send(courseId, new AbortInfusionSessionCommand(courseId, sessionId, body.reason(), body.note(), body.mgGiven(),
                clock.instant()));
    }

    /** An adverse event of either kind of session, during it or within the protocol's days after it. */
    @PostMapping({"/api/courses/{courseId}/sessions/{sessionId}/adverse-events",
            "/api/courses/{courseId}/spravato-sessions/{sessionId}/adverse-events"})
    void adverseEvent(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AdverseEventBody body) {
        Instant now = clock.instant();
        send(courseId, new ReportAdverseEventCommand(courseId, sessionId, body.type(), body.severity(), body.serious(),
                body.action(), body.onsetAt() != null ? body.onsetAt() : now, now));
    }

    /** Schedule III record; the witness must be someone other than the recorder. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/controlled-substance")
    void controlledSubstance(@PathVariable UUID courseId, @PathVariable UUID sessionId,
            @Valid @RequestBody ControlledSubstanceBody body) {
        if (body.witness().equals(StaffMember.current().userId())) {
            throw new InvalidFieldException("witness", "the witness must be another staff member");
        }
        send(courseId, new RecordControlledSubstanceCommand(courseId, sessionId, body.lot(), body.givenMg(), body.wastedMg(),
                body.witness()));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/complete")
    void complete(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody CompleteBody body) {
        Instant now = clock.instant();
        send(courseId, new CompleteInfusionSessionCommand(courseId, sessionId, body.dischargeVitals().takenBy(now),
                body.escortConfirmed(), now));
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
        send(courseId, new AmendEntryCommand(courseId, sessionId, body.amends(), body.toAmendment(), body.reason(), staff.userId(),
                clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> startSpravato(@PathVariable UUID courseId, @Valid @RequestBody SpravatoBody body) {
        StaffMember staff = StaffMember.current();
        Map<OverrideRule, String> overrides = overrides(staff, body.overrides());
        UUID sessionId = UUID.randomUUID();
        Instant now = clock.instant();
        send(courseId, new StartSpravatoSessionCommand(courseId, sessionId, body.clinicId(), clinics.requireZone(body.clinicId()),
                body.doseMg(), body.preDoseVitals().takenBy(now), overrides, staff.userId(), now));
        return Map.of("sessionId", sessionId);
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/vitals")
    void spravatoVitals(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody VitalsBody body) {
        Instant now = clock.instant();
        send(courseId, new RecordSpravatoVitalsCommand(courseId, sessionId, body.takenBy(now), now));
    }

    /** Discharge; the post-dose BP carries when it was taken (about 40 min after the dose). */
    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/complete")
    void completeSpravato(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody SpravatoCompleteBody body) {
        Instant now = clock.instant();
        send(courseId, new CompleteSpravatoSessionCommand(courseId, sessionId, body.fortyMinuteVitals().takenBy(now),
                body.dischargeVitals().takenBy(now), body.sedationResolved(), body.dissociationResolved(),
                body.respiratoryStable(), now));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/abort")
    void abortSpravato(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AbortBody body) {
        send(courseId, new AbortSpravatoSessionCommand(courseId, sessionId, body.reason(), body.note(), clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/rems-form")
    void submitRemsForm(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody RemsBody body) {
        send(courseId, new SubmitRemsFormCommand(courseId, sessionId, body.confirmation(), clock.instant()));
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
        readAudit.record(staff, "clinic-day-sessions", null, null, clinicId, null);
        return sessions.at(clinicId, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), DAY_LIMIT);
    }

    /** REMS forms past their 7-day due date and not submitted, at a clinic. */
    @GetMapping("/api/rems-forms/overdue")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<CourseDirectory.OverdueRemsForm> overdue(@RequestParam UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return directory.overdueRemsForms(clinicId, clock.instant());
    }

    /** Override reasons by rule code; only a prescriber sets a protocol rule aside. */
    private static Map<OverrideRule, String> overrides(StaffMember staff, Map<String, String> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return Map.of();
        }
        if (!staff.has(StaffRole.PRESCRIBER)) {
            throw new AccessDeniedException("only a prescriber may set a protocol rule aside");
        }
        Map<OverrideRule, String> byRule = new EnumMap<>(OverrideRule.class);
        reasons.forEach((rule, reason) -> byRule.put(Coded.find(OverrideRule.values(), rule)
                .orElseThrow(() -> new InvalidFieldException("overrides", "no protocol rule '" + rule + "' to override")), reason));
        return byRule;
    }

    private void send(UUID courseId, Object command) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        commands.sendAs(staff, course.clinicId(), command);
    }

    /** A reading; {@code takenAt} when charted later than taken (default: now). */
    record VitalsBody(@Min(50) @Max(300) int systolic, @Min(20) @Max(200) int diastolic, @Min(20) @Max(250) int heartRate,
            @Min(50) @Max(100) int spo2, Instant takenAt) {

        Vitals takenBy(Instant now) {
            return new Vitals(systolic, diastolic, heartRate, spo2, takenAt != null ? takenAt : now);
        }
    }

    record StartBody(@NotNull UUID clinicId, @NotNull @Valid VitalsBody vitals, boolean fastingConfirmed, boolean escortConfirmed,
            @NotNull @DecimalMin("20") @DecimalMax("400") BigDecimal weightKg, @NotNull Instant weightMeasuredAt,
            @NotNull BigDecimal mgPerKg,
            @Size(max = 5) Map<@Size(max = FieldLimits.CODE) String, @NotBlank @Size(max = FieldLimits.NOTE) String> overrides) {
    }

    record ResumeBody(@NotNull @Valid VitalsBody reading, @NotBlank @Size(max = FieldLimits.NOTE) String decision) {
    }

    record StopBody(@NotNull @DecimalMin("0") BigDecimal mgGiven, @NotNull StopReason reason, @Size(max = FieldLimits.NOTE) String note) {
    }

    record AbortBody(@NotNull AbortReason reason, @Size(max = FieldLimits.NOTE) String note, @DecimalMin("0") BigDecimal mgGiven) {
    }

    record AdverseEventBody(@NotBlank @Size(max = FieldLimits.LINE) String type, @NotNull AdverseEventSeverity severity,
            boolean serious, @NotBlank @Size(max = FieldLimits.NOTE) String action, Instant onsetAt) {
    }

    record ControlledSubstanceBody(@NotBlank @Size(max = FieldLimits.LINE) String lot, @NotNull @DecimalMin("0") BigDecimal givenMg,
            @NotNull @DecimalMin("0") BigDecimal wastedMg, @NotBlank @Size(max = FieldLimits.LINE) String witness) {
    }

    record CompleteBody(@NotNull @Valid VitalsBody dischargeVitals, boolean escortConfirmed) {
    }

    record SpravatoBody(@NotNull UUID clinicId, int doseMg, @NotNull @Valid VitalsBody preDoseVitals,
            @Size(max = 5) Map<@Size(max = FieldLimits.CODE) String, @NotBlank @Size(max = FieldLimits.NOTE) String> overrides) {
    }

    record SpravatoCompleteBody(@NotNull @Valid VitalsBody fortyMinuteVitals, @NotNull @Valid VitalsBody dischargeVitals,
            boolean sedationResolved, boolean dissociationResolved, boolean respiratoryStable) {
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

    record RemsBody(@NotBlank @Size(max = FieldLimits.LINE) String confirmation) {
    }
}
