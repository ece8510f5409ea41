package org.carecourse.treatment.course.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.CompleteSessionCommand;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.RecordControlledSubstanceCommand;
import org.carecourse.treatment.course.api.RecordSessionVitalsCommand;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.api.ResumeInfusionCommand;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;
import org.carecourse.treatment.course.api.StopInfusionCommand;
import org.carecourse.treatment.course.api.SubmitRemsFormCommand;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.query.CourseDirectory.CourseSummary;
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
    private final Clock clock;

    SessionController(CommandDispatch commands, CourseAccess access, CourseDirectory directory, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    /** Pre-checks, dose and start; a dose above the cap needs a prescriber's override reason. */
    @PostMapping("/api/courses/{courseId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@PathVariable UUID courseId, @Valid @RequestBody StartBody body) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        if (body.capOverrideReason() != null && !staff.has(StaffRole.PRESCRIBER)) {
            throw new AccessDeniedException("only a prescriber may override the dose cap");
        }
        UUID sessionId = UUID.randomUUID();
        Dose dose = commands.sendAs(staff, course.clinicId(), null, new StartInfusionSessionCommand(courseId, sessionId,
                body.clinicId(), body.vitals().at(clock.instant()), body.fastingConfirmed(), body.escortConfirmed(),
                body.weightKg(), body.weightMeasuredAt(), body.mgPerKg(), body.capOverrideReason(), clock.instant()));
        return Map.of("sessionId", sessionId, "dose", dose);
    }

    /** Returns the hold reasons, if the reading held the infusion. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/vitals")
    Map<String, Object> vitals(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody VitalsBody body) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        List<String> holdReasons = commands.sendAs(staff, course.clinicId(), null,
                new RecordSessionVitalsCommand(courseId, sessionId, body.at(clock.instant())));
        return Map.of("holdReasons", holdReasons);
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/resume")
    void resume(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody DecisionBody body) {
        send(courseId, new ResumeInfusionCommand(courseId, sessionId, body.decision(), clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/stop")
    void stop(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody StopBody body) {
        send(courseId, new StopInfusionCommand(courseId, sessionId, body.mgGiven(), clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/adverse-events")
    void adverseEvent(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AdverseEventBody body) {
        send(courseId, new ReportAdverseEventCommand(courseId, sessionId, body.type(), body.severity(), body.action(), clock.instant()));
    }

    /** Schedule III record; the witness must be someone other than the recorder. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/controlled-substance")
    void controlledSubstance(@PathVariable UUID courseId, @PathVariable UUID sessionId,
            @Valid @RequestBody ControlledSubstanceBody body) {
        if (body.witness().equals(StaffMember.current().userId())) {
            throw new org.carecourse.servicekit.domain.InvalidFieldException("witness", "the witness must be another staff member");
        }
        send(courseId, new RecordControlledSubstanceCommand(courseId, sessionId, body.lot(), body.givenMg(), body.wastedMg(),
                body.witness()));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/complete")
    void complete(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody CompleteBody body) {
        send(courseId, new CompleteSessionCommand(courseId, sessionId, body.dischargeVitals().at(clock.instant()),
                body.escortConfirmed(), clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> startSpravato(@PathVariable UUID courseId, @Valid @RequestBody SpravatoBody body) {
        if (body.proceedAboveBpReason() != null && !StaffMember.current().has(StaffRole.PRESCRIBER)) {
            throw new AccessDeniedException("only a prescriber may proceed above the Spravato BP threshold");
        }
        UUID sessionId = UUID.randomUUID();
        send(courseId, new StartSpravatoSessionCommand(courseId, sessionId, body.clinicId(), body.doseMg(),
                body.preDoseVitals().at(clock.instant()), body.proceedAboveBpReason(), clock.instant()));
        return Map.of("sessionId", sessionId);
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/complete")
    void completeSpravato(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody SpravatoCompleteBody body) {
        send(courseId, new CompleteSpravatoSessionCommand(courseId, sessionId, body.fortyMinuteVitals().at(clock.instant()),
                body.dischargeVitals().at(clock.instant()), body.sedationResolved(), body.dissociationResolved(),
                body.respiratoryStable(), clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/rems-form")
    void submitRemsForm(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody RemsBody body) {
        send(courseId, new SubmitRemsFormCommand(courseId, sessionId, body.confirmation(), clock.instant()));
    }

    /** REMS forms past their 7-day due date and not submitted, at a clinic. */
    @GetMapping("/api/rems-forms/overdue")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<CourseDirectory.OverdueRemsForm> overdue(@RequestParam UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return directory.overdueRemsForms(clinicId, clock.instant());
    }

    private void send(UUID courseId, Object command) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        commands.sendAs(staff, course.clinicId(), null, command);
    }

    record VitalsBody(@Min(50) @Max(300) int systolic, @Min(20) @Max(200) int diastolic, @Min(20) @Max(250) int heartRate,
            @Min(50) @Max(100) int spo2) {

        Vitals at(Instant takenAt) {
            return new Vitals(systolic, diastolic, heartRate, spo2, takenAt);
        }
    }

    record StartBody(@NotNull UUID clinicId, @NotNull @Valid VitalsBody vitals, boolean fastingConfirmed, boolean escortConfirmed,
            @NotNull @DecimalMin("20") BigDecimal weightKg, @NotNull @PastOrPresent Instant weightMeasuredAt,
            @NotNull BigDecimal mgPerKg, @Size(max = FieldLimits.NOTE) String capOverrideReason) {
    }

    record DecisionBody(@NotBlank @Size(max = FieldLimits.NOTE) String decision) {
    }

    record StopBody(@NotNull @DecimalMin("0") BigDecimal mgGiven) {
    }

    record AdverseEventBody(@NotBlank @Size(max = FieldLimits.LINE) String type, @NotBlank @Size(max = FieldLimits.CODE) String severity,
            @NotBlank @Size(max = FieldLimits.NOTE) String action) {
    }

    record ControlledSubstanceBody(@NotBlank @Size(max = FieldLimits.LINE) String lot, @NotNull @DecimalMin("0") BigDecimal givenMg,
            @NotNull @DecimalMin("0") BigDecimal wastedMg, @NotBlank @Size(max = FieldLimits.LINE) String witness) {
    }

    record CompleteBody(@NotNull @Valid VitalsBody dischargeVitals, boolean escortConfirmed) {
    }

    record SpravatoBody(@NotNull UUID clinicId, int doseMg, @NotNull @Valid VitalsBody preDoseVitals,
            @Size(max = FieldLimits.NOTE) String proceedAboveBpReason) {
    }

    record SpravatoCompleteBody(@NotNull @Valid VitalsBody fortyMinuteVitals, @NotNull @Valid VitalsBody dischargeVitals,
            boolean sedationResolved, boolean dissociationResolved, boolean respiratoryStable) {
    }

    record RemsBody(@NotBlank @Size(max = FieldLimits.LINE) String confirmation) {
    }
}
