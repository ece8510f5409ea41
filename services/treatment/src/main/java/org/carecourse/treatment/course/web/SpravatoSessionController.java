package org.carecourse.treatment.course.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.treatment.clinic.ClinicDirectory;
import org.carecourse.treatment.course.api.AbortSpravatoSessionCommand;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.RecordSpravatoVitalsCommand;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;
import org.carecourse.treatment.course.api.SubmitRemsFormCommand;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A Spravato session: the dose under the label, the monitoring until discharge and the REMS form it owes. */
@RestController
@PreAuthorize("hasAnyRole('nurse', 'prescriber')")
class SpravatoSessionController {

    private final SessionCommands sessionCommands;
    private final ClinicDirectory clinics;
    private final Clock clock;

    SpravatoSessionController(SessionCommands sessionCommands, ClinicDirectory clinics, Clock clock) {
        this.sessionCommands = sessionCommands;
        this.clinics = clinics;
        this.clock = clock;
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> startSpravato(@PathVariable UUID courseId, @Valid @RequestBody SpravatoBody body) {
        StaffMember staff = StaffMember.current();
        Map<OverrideRule, String> overrides = SessionCommands.overrides(body.overrides());
        UUID sessionId = UUID.randomUUID();
        Instant now = clock.instant();
        sessionCommands.send(courseId,
                new StartSpravatoSessionCommand(courseId, sessionId, body.clinicId(), clinics.requireZone(body.clinicId()),
                body.doseMg(), body.preDoseVitals().takenBy(now), overrides, staff.userId(), staff.has(StaffRole.PRESCRIBER), now));
        return Map.of("sessionId", sessionId);
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/vitals")
    void spravatoVitals(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody VitalsBody body) {
        Instant now = clock.instant();
        sessionCommands.send(courseId, new RecordSpravatoVitalsCommand(courseId, sessionId, body.takenBy(now), now));
    }

    /** Discharge; the post-dose BP carries when it was taken (about 40 min after the dose). */
    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/complete")
    void completeSpravato(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody SpravatoCompleteBody body) {
        Instant now = clock.instant();
        sessionCommands.send(courseId,
                new CompleteSpravatoSessionCommand(courseId, sessionId, body.fortyMinuteVitals().takenBy(now),
                body.dischargeVitals().takenBy(now), body.sedationResolved(), body.dissociationResolved(),
                body.respiratoryStable(), now));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/abort")
    void abortSpravato(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody AbortBody body) {
        sessionCommands.send(courseId,
                new AbortSpravatoSessionCommand(courseId, sessionId, body.reason(), body.note(), clock.instant()));
    }

    @PostMapping("/api/courses/{courseId}/spravato-sessions/{sessionId}/rems-form")
    void submitRemsForm(@PathVariable UUID courseId, @PathVariable UUID sessionId, @Valid @RequestBody RemsBody body) {
        sessionCommands.send(courseId, new SubmitRemsFormCommand(courseId, sessionId, body.confirmation(), clock.instant()));
    }

    record SpravatoBody(@NotNull UUID clinicId, int doseMg, @NotNull @Valid VitalsBody preDoseVitals,
            @Size(max = 5) Map<@Size(max = FieldLimits.CODE) String, @NotBlank @Size(max = FieldLimits.NOTE) String> overrides) {
    }

    record SpravatoCompleteBody(@NotNull @Valid VitalsBody fortyMinuteVitals, @NotNull @Valid VitalsBody dischargeVitals,
            boolean sedationResolved, boolean dissociationResolved, boolean respiratoryStable) {
    }

    record RemsBody(@NotBlank @Size(max = FieldLimits.LINE) String confirmation) {
    }
}
