package org.carecourse.billing.integration.outbound;

import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.billing.BillingApplication;
import org.carecourse.billing.account.api.AccountEvents;
import org.carecourse.billing.invoice.api.InvoiceEvents;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.billing.ChargePosted;
import org.carecourse.contracts.billing.ChargeVoided;
import org.carecourse.contracts.billing.CreditConsumed;
import org.carecourse.contracts.billing.CreditNoteIssued;
import org.carecourse.contracts.billing.InvoiceIssued;
import org.carecourse.contracts.billing.PackagePurchased;
import org.carecourse.contracts.billing.PaymentReceived;
import org.carecourse.contracts.billing.RefundIssued;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Relay from billing's event store to Kafka, keyed by patient. Payment references and notes stay in billing. */
@Component
@ProcessingGroup("billing-outbound")
class BillingOutbound {

    private final IntegrationEventPublisher publisher;

    BillingOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(AccountEvents.ChargePosted e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new ChargePosted(e.chargeId(), e.clinicId(), e.serviceDate(), e.kind().code(),
                e.currency(), e.amount(), e.coveredByPackageId(), e.source(), e.sourceId(), e.lines().stream()
                        .map(l -> new ChargePosted.Line(l.code(), l.modifier(), l.units(), l.amount(), l.ndc(), l.mg())).toList()));
    }

    @EventHandler
    void on(AccountEvents.ChargeVoided e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new ChargeVoided(e.chargeId(), e.clinicId(), e.currency(), e.amount(),
                e.reason().code()));
    }

    @EventHandler
    void on(AccountEvents.PackagePurchased e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new PackagePurchased(e.packageId(), e.clinicId(), "induction-package", e.credits(),
                e.currency(), e.price(), e.creditValue(), e.expiresOn()));
    }

    @EventHandler
    void on(AccountEvents.CreditConsumed e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.deliveredAtClinicId(), new CreditConsumed(e.packageId(), e.chargeId(), e.soldAtClinicId(),
                e.deliveredAtClinicId(), e.currency(), e.value(), e.creditsLeft()));
    }

    @EventHandler
    void on(InvoiceEvents.Issued e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new InvoiceIssued(e.invoiceId(), e.number(), e.clinicId(), e.currency(), e.total(),
                e.issuedOn(), e.dueOn(), e.chargeIds()));
    }

    @EventHandler
    void on(InvoiceEvents.PaymentReceived e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new PaymentReceived(e.paymentId(), e.invoiceId(), e.clinicId(), e.method().code(),
                e.currency(), e.amount(), e.at()));
    }

    @EventHandler
    void on(InvoiceEvents.RefundIssued e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new RefundIssued(e.refundId(), e.paymentId(), e.invoiceId(), e.clinicId(),
                e.currency(), e.amount(), e.at()));
    }

    @EventHandler
    void on(InvoiceEvents.CreditNoteIssued e, EventMessage<?> stored) {
        publish(stored, e.patientId(), e.clinicId(), new CreditNoteIssued(e.creditNoteId(), e.invoiceId(), e.clinicId(), e.currency(),
                e.amount(), e.reason().code()));
    }

    private void publish(EventMessage<?> stored, UUID patientId, UUID clinicId, EventPayload payload) {
        publisher.publish(Envelopes.from(stored, BillingApplication.NAME, patientId, clinicId, payload));
    }
}
