package org.carecourse.treatment.course.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.treatment.clinic.ClinicDirectory;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.course.api.AbortInfusionSessionCommand;
import org.carecourse.treatment.course.api.CompleteInfusionSessionCommand;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.RecordControlledSubstanceCommand;
import org.carecourse.treatment.course.api.RecordInfusionVitalsCommand;
import org.carecourse.treatment.course.api.ResumeInfusionCommand;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.carecourse.treatment.course.api.StopInfusionCommand;
import org.carecourse.treatment.course.api.StopReason;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An IV ketamine infusion session, from its pre-checks and dose to its discharge, at the clinic the course is at. */
@RestController
@PreAuthorize("hasAnyRole('nurse', 'prescriber')")
class InfusionSessionController {

    private final SessionCommands sessionCommands;
    private final ClinicDirectory clinics;
    private final Clock clock;

    InfusionSessionController(SessionCommands sessionCommands, ClinicDirectory clinics, Clock clock) {
        this.sessionCommands = sessionCommands;
        this.clinics = clinics;
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
        Map<OverrideRule, String> overrides = SessionCommands.overrides(body.overrides());
        UUID sessionId = UUID.randomUUID();
        Instant now = clock.instant();
        Dose dose = sessionCommands.send(courseId, new StartInfusionSessionCommand(courseId, sessionId,
                body.clinicId(), clinics.requireZone(body.clinicId()), body.vitals().takenBy(now), body.fastingConfirmed(),
                body.escortConfirmed(), body.weightKg(), body.weightMeasuredAt(), body.mgPerKg(), overrides, staff.userId(),
                staff.has(StaffRole.PRESCRIBER), now));
        return Map.of("sessionId", sessionId, "dose", dose);
    }

    /** A reading, possibly charted late ({@code takenAt}); returns its hold reasons, if it held the infusion. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/vitals")
    Map<String, Object> vitals(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody VitalsBody body) {
        Instant now = clock.instant();
        List<String> holdReasons = sessionCommands.send(courseId,
                new RecordInfusionVitalsCommand(courseId, sessionId, body.takenBy(now), now));
        return Map.of("holdReasons", holdReasons);
    }

    /** A held infusion runs again on a reading back under the hold thresholds and the clinician's decision. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/resume")
    void resume(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody ResumeBody body) {
        Instant now = clock.instant();
        sessionCommands.send(courseId,
                new ResumeInfusionCommand(courseId, sessionId, body.reading().takenBy(now), body.decision(),
                StaffMember.current().userId(), now));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/stop")
    void stop(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody StopBody body) {
        sessionCommands.send(courseId,
                new StopInfusionCommand(courseId, sessionId, body.mgGiven(), body.reason(), body.note(), clock.instant()));
    }

    /** Ends the session without a discharge; a running infusion needs what ran ({@code mgGiven}). */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/abort")
    void abort(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AbortBody body) {
        sessionCommands.send(courseId,
                new AbortInfusionSessionCommand(courseId, sessionId, body.reason(), body.note(), body.mgGiven(),
                clock.instant()));
    }

    /** Schedule III record; the witness must be someone other than the recorder. */
    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/controlled-substance")
    void controlledSubstance(@PathVariable UUID courseId, @PathVariable UUID sessionId,
            @Valid @RequestBody ControlledSubstanceBody body) {
        if (body.witness().equals(StaffMember.current().userId())) {
            throw new InvalidFieldException("witness", "the witness must be another staff member");
        }
        sessionCommands.send(courseId,
                new RecordControlledSubstanceCommand(courseId, sessionId, body.lot(), body.givenMg(), body.wastedMg(),
                body.witness()));
    }

    @PostMapping("/api/courses/{courseId}/sessions/{sessionId}/complete")
    void complete(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody CompleteBody body) {
        Instant now = clock.instant();
        sessionCommands.send(courseId,
                new CompleteInfusionSessionCommand(courseId, sessionId, body.dischargeVitals().takenBy(now),
                body.escortConfirmed(), now));
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

    record ControlledSubstanceBody(@NotBlank @Size(max = FieldLimits.LINE) String lot, @NotNull @DecimalMin("0") BigDecimal givenMg,
            @NotNull @DecimalMin("0") BigDecimal wastedMg, @NotBlank @Size(max = FieldLimits.LINE) String witness) {
    }

    record CompleteBody(@NotNull @Valid VitalsBody dischargeVitals, boolean escortConfirmed) {
    }
}
