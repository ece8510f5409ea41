package org.carecourse.screening.screeningcase.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.screening.eligibility.EligibilityProposal;
import org.carecourse.screening.eligibility.EligibilityRules;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.InstrumentScore;
import org.carecourse.instruments.InstrumentScoring;
import org.carecourse.screening.screeningcase.api.ClinicalHistory;
import org.carecourse.screening.screeningcase.api.ClinicalHistoryRecordedEvent;
import org.carecourse.screening.screeningcase.api.DocumentSafetyFollowUpCommand;
import org.carecourse.screening.screeningcase.api.EligibilityDecidedEvent;
import org.carecourse.screening.screeningcase.api.InstrumentScoredEvent;
import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.api.ProposeEligibilityCommand;
import org.carecourse.screening.screeningcase.api.RecordClinicalHistoryCommand;
import org.carecourse.screening.screeningcase.api.SafetyAlertRaisedEvent;
import org.carecourse.screening.screeningcase.api.SafetyAlertResolvedEvent;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.carecourse.screening.screeningcase.api.SignEligibilityDecisionCommand;
import org.carecourse.screening.screeningcase.api.SubmitInstrumentCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

/**
 * One patient's screening at one clinic: instruments, history, safety follow-up and the signed
 * eligibility decision that completes it.
 */
@Aggregate
class ScreeningCase {

    @AggregateIdentifier
    private UUID caseId;
    private UUID patientId;
    private UUID clinicId;
    private ClinicalHistory history;
    private final Map<Instrument, InstrumentScore> latestScores = new EnumMap<>(Instrument.class);
    private final Map<Instrument, UUID> latestSubmissions = new EnumMap<>(Instrument.class);
    /** The open safety alert, if any, and the C-SSRS submitted since it was raised. */
    private UUID openAlertId;
    private UUID cssrsSinceAlert;
    private boolean decided;

    ScreeningCase() {
        // for Axon
    }

    @CommandHandler
    ScreeningCase(OpenScreeningCaseCommand command) {
        apply(new ScreeningCaseOpenedEvent(command.caseId(), command.patientId(), command.clinicId(),
                command.consultationId(), command.openedAt()));
    }

    @CommandHandler
    InstrumentScore handle(SubmitInstrumentCommand command) {
        requireOpen();
        InstrumentScore score = InstrumentScoring.score(command.answers(), command.pcl5Cutoff());
        apply(new InstrumentScoredEvent(caseId, patientId, clinicId, command.submissionId(), command.answers(), score,
                command.submittedAt()));
        if (score.safetyConcern() && openAlertId == null) {
            apply(new SafetyAlertRaisedEvent(caseId, command.alertId(), patientId, clinicId, command.submissionId(),
                    trigger(score), command.submittedAt()));
        }
        return score;
    }

    @CommandHandler
    void handle(RecordClinicalHistoryCommand command) {
        requireOpen();
        apply(new ClinicalHistoryRecordedEvent(caseId, patientId, clinicId, command.history()));
    }

    @CommandHandler
    void handle(DocumentSafetyFollowUpCommand command) {
        if (openAlertId == null || !openAlertId.equals(command.alertId())) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-open-safety-alert",
                    "alert " + command.alertId() + " is not open on this case");
        }
        if (cssrsSinceAlert == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "cssrs-required",
                    "a C-SSRS screen must be submitted after the alert before the follow-up is documented");
        }
        apply(new SafetyAlertResolvedEvent(caseId, openAlertId, patientId, clinicId, cssrsSinceAlert,
                latestScores.get(Instrument.CSSRS).band(), command.safetyPlan(), command.disposition(),
                command.documentedAt()));
    }

    @CommandHandler
    EligibilityProposal handle(ProposeEligibilityCommand command) {
        requireDecidable();
        return EligibilityRules.evaluate(history, command.modality(), command.protocol().parameters());
    }

    @CommandHandler
    void handle(SignEligibilityDecisionCommand command) {
        requireOpen();
        requireDecidable();
        if (openAlertId != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "safety-follow-up-required",
                    "the open safety alert needs a documented follow-up before the case can be decided");
        }
        EligibilityProposal proposal = EligibilityRules.evaluate(history, command.modality(), command.protocol().parameters());
        boolean override = proposal.outcome() != command.outcome();
        if (override && (command.overrideReason() == null || command.overrideReason().isBlank())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "override-needs-reason",
                    "the rules propose " + proposal.outcome().code() + "; deciding " + command.outcome().code()
                            + " needs a written reason");
        }
        LocalDate validUntil = command.signedAt().atZone(command.clinicZone()).toLocalDate()
                .plusDays(command.protocol().parameters().decisionValidDays());
        apply(new EligibilityDecidedEvent(caseId, command.decisionId(), patientId, clinicId, command.modality(),
                proposal.outcome(), command.outcome(), override ? command.overrideReason().strip() : null,
                proposal.rulesFired(), new ArrayList<>(latestScores.values()), command.protocol().version(),
                validUntil, command.signedAt()));
    }

    private void requireOpen() {
        if (decided) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "case-decided", "the case already has a signed decision");
        }
    }

    private void requireDecidable() {
        if (history == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "history-required",
                    "record the clinical history before deciding eligibility");
        }
        if (!latestScores.containsKey(Instrument.PHQ9)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "phq9-required",
                    "a baseline PHQ-9 is required before deciding eligibility");
        }
    }

    private static String trigger(InstrumentScore score) {
        return score.instrument() == Instrument.PHQ9 ? "phq-9-item-9" : "c-ssrs-" + score.band() + "-risk";
    }

    @EventSourcingHandler
    void on(ScreeningCaseOpenedEvent event) {
        this.caseId = event.caseId();
        this.patientId = event.patientId();
        this.clinicId = event.clinicId();
    }

    @EventSourcingHandler
    void on(InstrumentScoredEvent event) {
        latestScores.put(event.score().instrument(), event.score());
        latestSubmissions.put(event.score().instrument(), event.submissionId());
        if (openAlertId != null && event.score().instrument() == Instrument.CSSRS) {
            cssrsSinceAlert = event.submissionId();
        }
    }

    @EventSourcingHandler
    void on(SafetyAlertRaisedEvent event) {
        openAlertId = event.alertId();
        // A C-SSRS that itself raised the alert is the screen the follow-up rests on.
        cssrsSinceAlert = latestSubmissions.get(Instrument.CSSRS) != null
                && latestSubmissions.get(Instrument.CSSRS).equals(event.submissionId()) ? event.submissionId() : null;
    }

    @EventSourcingHandler
    void on(SafetyAlertResolvedEvent event) {
        openAlertId = null;
        cssrsSinceAlert = null;
    }

    @EventSourcingHandler
    void on(ClinicalHistoryRecordedEvent event) {
        history = event.history();
    }

    @EventSourcingHandler
    void on(EligibilityDecidedEvent event) {
        decided = true;
    }
}
