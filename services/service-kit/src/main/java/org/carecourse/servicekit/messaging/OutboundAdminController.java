package org.carecourse.servicekit.messaging;

import java.util.List;
import java.util.UUID;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For admins of every service: what the relay parked, re-publishing one, and the reconciliation. */
@RestController
@RequestMapping("/api/admin/outbound")
@PreAuthorize("hasRole('admin')")
public class OutboundAdminController {

    private final OutboundLedger ledger;
    private final IntegrationEventPublisher publisher;
    private final OutboundReconciliation reconciliation;

    public OutboundAdminController(OutboundLedger ledger, IntegrationEventPublisher publisher,
            OutboundReconciliation reconciliation) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/parked")
    List<OutboundLedger.ParkedEvent> parked() {
        return ledger.parked();
    }

    /**
     * Publishes a parked event as it was stored, after the cause was fixed (e.g. the size budget
     * raised). Refused while the cause stands; a second republish of the same event is refused.
     */
    @PostMapping("/parked/{eventId}/republish")
    @Transactional
    public Republished republish(@PathVariable UUID eventId) {
        OutboundLedger.ParkedRecord parked = ledger.lockParked(eventId)
                .orElseThrow(() -> new NotFoundException("no parked event " + eventId));
        if (parked.alreadyRepublished()) {
            throw conflict("already-republished", "event " + eventId + " was republished already");
        }
        if (parked.payload() == null) {
            throw conflict("no-publishable-form", "event " + eventId + " has no form fit to publish (see its reason); fix the mapping and replay the relay");
        }
        if (parked.payload().length > publisher.maxEventBytes()) {
            throw conflict("over-size-budget", "event " + eventId + " is " + parked.payload().length
                    + " bytes, over the budget of " + publisher.maxEventBytes() + " (carecourse.outbound.max-event-bytes)");
        }
        try {
            publisher.send(parked.topic(), parked.partitionKey(), parked.eventType(), eventId.toString(), parked.payload());
        } catch (RuntimeException e) {
            throw conflict("broker-refused", "the broker refused event " + eventId + ": " + e);
        }
        ledger.republished(eventId, parked.topic(), StaffMember.current().userId());
        return new Republished(eventId, parked.topic());
    }

    @GetMapping("/reconciliation")
    OutboundReconciliation.Report reconciliation() {
        return reconciliation.report();
    }

    public record Republished(UUID eventId, String topic) {
    }

    private static BusinessRuleViolation conflict(String rule, String message) {
        return new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, rule, message);
    }
}
