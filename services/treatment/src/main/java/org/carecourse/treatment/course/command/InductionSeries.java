package org.carecourse.treatment.course.command;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * The course's current (re-)induction series, judged against its plan: when the series' first
 * infusion began (its window runs from there) and how many infusions it has completed.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class InductionSeries {

    /** Whether the course is in a series phase (it opens in induction); outside one, nothing here applies. */
    private boolean running = true;
    private Instant startedAt;
    private UUID infusionInProgress;
    private int infusionsCompleted;

    /** No more infusions than the plan's count and none after its window, unless a prescriber records why. */
    void requireRoomFor(Instant infusionStart, CoursePlan plan, Overrides overrides) {
        if (!running) {
            return;
        }
        if (infusionsCompleted >= plan.inductionCount()) {
            overrides.setAsideOr(OverrideRule.SERIES_COUNT, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-count",
                    "the series' " + plan.inductionCount() + " infusions are given: move to maintenance, or a prescriber records"
                            + " why one more"));
        }
        if (startedAt != null && infusionStart.isAfter(startedAt.plus(Duration.ofDays(plan.inductionWindowDays())))) {
            overrides.setAsideOr(OverrideRule.SERIES_WINDOW, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-window",
                    "the series' " + plan.inductionWindowDays() + "-day window began " + startedAt
                            + ": a prescriber records why it runs on"));
        }
    }

    /** An IV series ends before all its infusions are given only with a reason. */
    void requireCompleteOrExplained(CoursePlan plan, String reason) {
        if (infusionsCompleted < plan.inductionCount() && SessionRules.blank(reason)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-incomplete", infusionsCompleted + " of "
                    + plan.inductionCount() + " infusions of the series are given: say why maintenance starts now");
        }
    }

    @EventSourcingHandler
    void on(PhaseChangedEvent event) {
        running = event.to().series();
        if (running) {
            restart();
        }
    }

    @EventSourcingHandler
    void on(InfusionSessionStartedEvent event) {
        if (running) {
            infusionStarted(event.startedAt());
            infusionInProgress = event.sessionId();
        }
    }

    /** Only the series' own infusions fill it: a Spravato session, or an infusion begun before re-induction, does not. */
    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        if (running && event.sessionId().equals(infusionInProgress)) {
            infusionCompleted();
        }
    }

    void restart() {
        startedAt = null;
        infusionInProgress = null;
        infusionsCompleted = 0;
    }

    void infusionStarted(Instant at) {
        if (startedAt == null) {
            startedAt = at;
        }
    }

    void infusionCompleted() {
        infusionsCompleted++;
    }
}
