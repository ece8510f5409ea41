package org.carecourse.treatment.course.integration.outbound;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.treatment.AdverseEventReported;
import org.carecourse.contracts.treatment.CourseClosed;
import org.carecourse.contracts.treatment.CourseHeld;
import org.carecourse.contracts.treatment.CourseHoldLifted;
import org.carecourse.contracts.treatment.CourseSafetyAlertRaised;
import org.carecourse.contracts.treatment.CourseSafetyAlertResolved;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.DoseHeld;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.OutcomeRecorded;
import org.carecourse.contracts.treatment.PhaseChanged;
import org.carecourse.contracts.treatment.RemsFormDue;
import org.carecourse.contracts.treatment.RemsFormSubmitted;
import org.carecourse.contracts.treatment.RemsPatientEnrolled;
import org.carecourse.contracts.treatment.SessionAborted;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionEntryAmended;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.instruments.Instrument;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.carecourse.treatment.TreatmentApplication;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.BaselineScore;
import org.carecourse.treatment.course.api.ClinicalOverride;
import org.carecourse.treatment.course.api.CourseClosedEvent;
import org.carecourse.treatment.course.api.CourseHeldEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.DoseHeldEvent;
import org.carecourse.treatment.course.api.EntryAmendedEvent;
import org.carecourse.treatment.course.api.InfusionAdministeredEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.RemsFormSubmittedEvent;
import org.carecourse.treatment.course.api.RemsPatientEnrolledEvent;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.springframework.stereotype.Component;

/**
 * Relay from the course streams to Kafka, keyed by patient. Clinical free text (override and
 * discontinuation reasons, resume decisions, safety details) stays in treatment.
 */
@Component
@ProcessingGroup("treatment-outbound")
class TreatmentOutbound {

    private final IntegrationEventPublisher publisher;

    TreatmentOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(CourseOpenedEvent e, EventMessage<?> stored) {
        Instrument target = e.indication().targetInstrument();
        publish(stored, e.patientId(), e.clinicId(), new TreatmentCourseOpened(e.courseId(), e.modality().code(),
                e.plan().inductionCount(), e.plan().inductionWindowDays(), e.eligibility().decisionId(), baseline(e, Instrument.PHQ9),
                e.indication().code(), target.code(), baseline(e, target), e.plan().minimumSpacingHours()));
    }

    @EventHandler
    void on(InfusionSessionStartedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new SessionStarted(e.courseId(), e.sessionId(), "iv-ketamine", e.doseMg(),
                e.mgPerKg(), e.weightKg(), e.overrides().stream().anyMatch(o -> o.rule() == OverrideRule.DOSE_CAP), e.startedAt(),
                rules(e.overrides())));
    }

    @EventHandler
    void on(SpravatoSessionStartedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new SessionStarted(e.courseId(), e.sessionId(), "spravato",
                BigDecimal.valueOf(e.doseMg()), null, null, false, e.dosedAt(), rules(e.overrides())));
    }

    @EventHandler
    void on(DoseHeldEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new DoseHeld(e.courseId(), e.sessionId(), e.reasons(), e.at()));
    }

    @EventHandler
    void on(InfusionAdministeredEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new InfusionAdministered(e.courseId(), e.sessionId(), e.startedAt(),
                e.stoppedAt(), e.mgGiven(), e.mgPerKg(), e.weightKg()));
    }

    @EventHandler
    void on(AdverseEventReportedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new AdverseEventReported(e.courseId(), e.sessionId(), e.type(),
                e.severity() == null ? null : e.severity().code(), e.action(), e.serious(), e.followUpRequired(), e.onsetAt()));
    }

    @EventHandler
    void on(EntryAmendedEvent e, EventMessage<?> stored) {
        Amendment corrected = e.corrected();
        publish(stored, e.patientId(), e.clinicId(), new SessionEntryAmended(e.courseId(), e.sessionId(), corrected.entry(),
                corrected.stoppedAt(), corrected.givenMg(), corrected.weightKg()));
    }

    @EventHandler
    void on(SessionAbortedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new SessionAborted(e.courseId(), e.sessionId(), e.modality().code(),
                e.reason().code(), e.at()));
    }

    @EventHandler
    void on(SessionCompletedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new SessionCompleted(e.courseId(), e.sessionId(), e.completedAt()));
    }

    @EventHandler
    void on(OutcomeRecordedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new OutcomeRecorded(e.courseId(), e.sessionId(), e.instrument(), e.score(),
                e.baseline(), e.percentChange(), e.response(), e.remission(), e.futility(), e.band(), e.target()));
    }

    @EventHandler
    void on(SafetyAlertRaisedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new CourseSafetyAlertRaised(e.alertId(), e.courseId(), e.trigger(), e.source()));
    }

    @EventHandler
    void on(SafetyAlertResolvedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new CourseSafetyAlertResolved(e.alertId(), e.courseId(), e.disposition(),
                e.source()));
    }

    @EventHandler
    void on(PhaseChangedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), null, new PhaseChanged(e.courseId(), e.from().code(), e.to().code()));
    }

    @EventHandler
    void on(CourseTransferredEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.toClinicId(), new CourseTransferred(e.courseId(), e.fromClinicId(), e.toClinicId()));
    }

    @EventHandler
    void on(CourseClosedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new CourseClosed(e.courseId(), e.outcome().code()));
    }

    @EventHandler
    void on(CourseHeldEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new CourseHeld(e.courseId(), e.reason()));
    }

    @EventHandler
    void on(CourseHoldLiftedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new CourseHoldLifted(e.courseId()));
    }

    @EventHandler
    void on(RemsFormDueEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new RemsFormDue(e.courseId(), e.sessionId(), e.dueBy()));
    }

    @EventHandler
    void on(RemsFormSubmittedEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new RemsFormSubmitted(e.courseId(), e.sessionId(), e.submittedAt(), e.late()));
    }

    /** The enrolment's REMS number stays in treatment: scheduling needs only that the patient is enrolled. */
    @EventHandler
    void on(RemsPatientEnrolledEvent e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new RemsPatientEnrolled(e.courseId(), e.enrolledOn()));
    }

    private static Integer baseline(CourseOpenedEvent e, Instrument instrument) {
        return e.baseline().stream().filter(score -> score.instrument() == instrument).map(BaselineScore::total).findFirst().orElse(null);
    }

    private static List<String> rules(List<ClinicalOverride> overrides) {
        return overrides.stream().map(o -> o.rule().code()).toList();
    }

    private void publish(EventMessage<?> stored, UUID patientId, UUID clinicId, EventPayload payload) {
        publisher.publish(Envelopes.from(stored, TreatmentApplication.NAME, patientId, clinicId, payload));
    }
}
