package org.carecourse.treatment.course.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.treatment.audit.query.CourseReplay;
import org.carecourse.treatment.clinic.ClinicDirectory;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.ChangePhaseCommand;
import org.carecourse.treatment.course.api.CloseCourseCommand;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.CourseSafetyDisposition;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.LiftCourseHoldCommand;
import org.carecourse.treatment.course.api.OpenCourseCommand;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.Phase;
import org.carecourse.treatment.course.api.RecordOutcomeCommand;
import org.carecourse.treatment.course.api.RecordRemsEnrolmentCommand;
import org.carecourse.treatment.course.api.ResolveSafetyAlertCommand;
import org.carecourse.treatment.course.api.TransferCourseCommand;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.query.CourseDirectory.CourseSummary;
import org.carecourse.treatment.course.query.EligibilityCopies;
import org.carecourse.treatment.protocol.api.TreatmentProtocolVersion;
import org.carecourse.treatment.protocol.query.TreatmentProtocolVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CommandDispatch commands;
    private final CourseAccess access;
    private final CourseDirectory directory;
    private final EligibilityCopies eligibility;
    private final TreatmentProtocolVersions protocols;
    private final CourseReplay replay;
    private final ReadAccess reads;
    private static final int PAGE = 100;

    private final ClinicDirectory clinics;
    private final Clock clock;

    CourseController(CommandDispatch commands, CourseAccess access, CourseDirectory directory, EligibilityCopies eligibility,
            TreatmentProtocolVersions protocols, CourseReplay replay, ReadAccess reads, ClinicDirectory clinics, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.eligibility = eligibility;
        this.protocols = protocols;
        this.replay = replay;
        this.reads = reads;
        this.clinics = clinics;
        this.clock = clock;
    }

    /**
     * A prescriber opens a course at one of their clinics from the patient's latest eligibility
     * decision; the course copies the clinic's treatment protocol in effect and cites its version.
     */
    @PostMapping
    @PreAuthorize("hasRole('prescriber')")
    ResponseEntity<CourseSummary> open(@Valid @RequestBody OpenBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.clinicId());
        ZoneId zone = clinics.requireZone(body.clinicId());
        var known = eligibility.requireLatest(body.patientId());
        TreatmentProtocolVersion version = protocols.requireInEffect(body.clinicId(), clock.instant());
        TreatmentProtocol protocol = version.protocol();
        // The protocol's induction series unless the prescriber plans a variant (e.g. 2x/week for 3 weeks).
        CoursePlan plan = body.plan() != null ? body.plan().toPlan()
                : CoursePlan.following(protocol.series());
        UUID courseId = UUID.randomUUID();
        commands.sendAs(staff, body.clinicId(), new OpenCourseCommand(courseId, body.patientId(), body.clinicId(), zone,
                body.modality(), body.indication(), known.decision(), known.scores(), plan, protocol, version.version(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/courses/" + courseId)).body(directory.find(courseId).orElseThrow());
    }

    /**
     * A patient's courses that have been at one of the caller's clinics (auditors: all), newest
     * first. The read is audited.
     */
    @GetMapping(params = "patientId")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<CourseSummary> ofPatient(@RequestParam UUID patientId, @RequestParam(required = false) String purpose) {
        StaffMember staff = StaffMember.current();
        List<CourseSummary> readable = directory.coursesOf(patientId, PAGE).stream().filter(c -> access.mayRead(staff, c)).toList();
        reads.scoped(staff, new ReadAccess.Subject("patient-courses", null, patientId, readable.isEmpty() ? null : readable.get(0).clinicId()), purpose);
        return readable;
    }

    /** The course rebuilt from its events as it stood at {@code asOf} (default: now). Every read is audited. */
    @GetMapping("/{courseId}")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    CourseReplay.CourseAsOf get(@PathVariable UUID courseId, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) Instant asOf) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toRead(staff, courseId);
        reads.scopedChart(staff, new ReadAccess.Subject(asOf == null ? "course" : "course-as-of", courseId, course.patientId(),
                course.clinicId()), purpose);
        return replay.asOf(courseId, asOf != null ? asOf : clock.instant());
    }

    @GetMapping("/{courseId}/timeline")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<CourseReplay.TimelineEntry> timeline(@PathVariable UUID courseId, @RequestParam(required = false) String purpose) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toRead(staff, courseId);
        reads.scopedChart(staff, new ReadAccess.Subject("timeline", courseId, course.patientId(), course.clinicId()), purpose);
        return replay.timeline(courseId);
    }

    @PostMapping("/{courseId}/transfer")
    @PreAuthorize("hasAnyRole('prescriber', 'admin')")
    CourseSummary transfer(@PathVariable UUID courseId, @Valid @RequestBody TransferBody body) {
        return change(courseId, new TransferCourseCommand(courseId, body.toClinicId(), body.reason(), clock.instant()));
    }

    /** Induction or re-induction → maintenance; before the series is complete, with a reason. */
    @PostMapping("/{courseId}/maintenance")
    @PreAuthorize("hasRole('prescriber')")
    CourseSummary maintenance(@PathVariable UUID courseId, @Valid @RequestBody(required = false) ReasonBody body) {
        return change(courseId, new ChangePhaseCommand(courseId, Phase.MAINTENANCE, body == null ? null : body.reason(), clock.instant()));
    }

    /** Maintenance → re-induction after a relapse: a new series of the plan's count and window. */
    @PostMapping("/{courseId}/re-induction")
    @PreAuthorize("hasRole('prescriber')")
    CourseSummary reInduction(@PathVariable UUID courseId, @Valid @RequestBody RequiredReasonBody body) {
        return change(courseId, new ChangePhaseCommand(courseId, Phase.RE_INDUCTION, body.reason(), clock.instant()));
    }

    /** A prescriber continues a course a newer eligibility decision held, recording why. */
    @PostMapping("/{courseId}/hold/lift")
    @PreAuthorize("hasRole('prescriber')")
    CourseSummary liftHold(@PathVariable UUID courseId, @Valid @RequestBody RequiredReasonBody body) {
        return change(courseId, new LiftCourseHoldCommand(courseId, body.reason(), StaffMember.current().userId(), clock.instant()));
    }

    /** The prescriber's documented follow-up of a safety alert the course raised. */
    @PostMapping("/{courseId}/safety-alerts/{alertId}/follow-up")
    @PreAuthorize("hasRole('prescriber')")
    CourseSummary followUp(@PathVariable UUID courseId, @PathVariable UUID alertId, @Valid @RequestBody FollowUpBody body) {
        return change(courseId, new ResolveSafetyAlertCommand(courseId, alertId, body.safetyPlan(), body.disposition(),
                StaffMember.current().userId(), clock.instant()));
    }

    /** The patient's Spravato REMS enrolment, recorded by a prescriber before the first dose. */
    @PostMapping("/{courseId}/rems-enrolment")
    @PreAuthorize("hasRole('prescriber')")
    CourseSummary remsEnrolment(@PathVariable UUID courseId, @Valid @RequestBody RemsEnrolmentBody body) {
        return change(courseId, course -> new RecordRemsEnrolmentCommand(courseId, body.enrolmentId().strip(), body.enrolledOn(),
                clinics.requireZone(course.clinicId()), StaffMember.current().userId(), clock.instant()));
    }

    record RemsEnrolmentBody(@NotBlank @Size(max = FieldLimits.CODE) String enrolmentId, @NotNull LocalDate enrolledOn) {
    }

    @PostMapping("/{courseId}/close")
    @PreAuthorize("hasRole('prescriber')")
    CourseSummary close(@PathVariable UUID courseId, @Valid @RequestBody CloseBody body) {
        return change(courseId, new CloseCourseCommand(courseId, body.outcome(), body.reason(), clock.instant()));
    }

    @PostMapping("/{courseId}/outcomes")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber')")
    OutcomeRecordedEvent outcome(@PathVariable UUID courseId, @Valid @RequestBody OutcomeBody body) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        return commands.sendAs(staff, course.clinicId(), new RecordOutcomeCommand(courseId, UUID.randomUUID(), body.sessionId(),
                body.instrument(), body.items(), clock.instant()));
    }

    /** Sends a command about the course as the caller, at the clinic the course is at, and returns the course. */
    private CourseSummary change(UUID courseId, Object command) {
        return change(courseId, course -> command);
    }

    /** As above, for a command that needs what the course is (e.g. its clinic's zone). */
    private CourseSummary change(UUID courseId, Function<CourseSummary, Object> command) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        commands.sendAs(staff, course.clinicId(), command.apply(course));
        return directory.find(courseId).orElseThrow();
    }

    /** The baseline is not typed: it is what screening scored for the patient's eligibility decision. */
    record OpenBody(@NotNull UUID patientId, @NotNull UUID clinicId, @NotNull Modality modality, @NotNull Indication indication,
            @Valid PlanBody plan) {
    }

    record PlanBody(@Min(1) @Max(12) int inductionCount, @Min(7) @Max(42) int inductionWindowDays,
            @Min(24) @Max(168) int minimumSpacingHours, boolean boosters) {

        CoursePlan toPlan() {
            return new CoursePlan(inductionCount, inductionWindowDays, minimumSpacingHours, boosters);
        }
    }

    record TransferBody(@NotNull UUID toClinicId, @NotBlank @Size(max = FieldLimits.NOTE) String reason) {
    }

    record ReasonBody(@Size(max = FieldLimits.NOTE) String reason) {
    }

    record CloseBody(@NotNull Phase outcome, @Size(max = FieldLimits.NOTE) String reason) {
    }

    /** Item answers in item order (PHQ-9 9, GAD-7 7, PCL-5 20, pain NRS 1), scored as screening scores them. */
    record OutcomeBody(UUID sessionId, @NotNull Instrument instrument,
            @NotNull @Size(max = 20) List<@NotNull @Min(0) @Max(10) Integer> items) {
    }

    record RequiredReasonBody(@NotBlank @Size(max = FieldLimits.NOTE) String reason) {
    }

    record FollowUpBody(@NotBlank @Size(max = FieldLimits.NOTE) String safetyPlan, @NotNull CourseSafetyDisposition disposition) {
    }
}
