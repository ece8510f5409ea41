package org.carecourse.billing.account.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.charge.api.PricedCharge;

/** What billing asks of a patient's account: charges, package credits and the charges an invoice claims. */
public final class AccountCommands {

    private AccountCommands() {
    }

    public record SetCoverage(@TargetAggregateIdentifier UUID patientId, PayerType payer, Insured insured) {
    }

    /**
     * {@code source}/{@code sourceId}: what caused it (e.g. {@code InfusionAdministered} and the
     * session); the same source never charges twice.
     */
    public record PostCharge(@TargetAggregateIdentifier UUID patientId, UUID chargeId, String source, UUID sourceId,
            PricedCharge charge, Instant at) {
    }

    /**
     * Replaces an open charge by one priced from a corrected session entry ({@code source}/{@code sourceId}:
     * the amendment); a package credit that paid the old charge pays the new one.
     */
    public record AmendCharge(@TargetAggregateIdentifier UUID patientId, UUID chargeId, UUID newChargeId, String source, UUID sourceId,
            PricedCharge charge, Instant at) {
    }

    public record VoidCharge(@TargetAggregateIdentifier UUID patientId, UUID chargeId, VoidReason reason, Instant at) {
    }

    /** {@code expiresAt}: the end of {@code expiresOn} on the selling clinic's clock. */
    public record PurchasePackage(@TargetAggregateIdentifier UUID patientId, UUID packageId, UUID chargeId, PricedCharge charge,
            int credits, LocalDate expiresOn, Instant expiresAt, Instant at) {
    }

    /** Refunds the package's unused credits by a credit note on the invoice that charged it. */
    public record RefundPackage(@TargetAggregateIdentifier UUID patientId, UUID packageId, UUID creditNoteId, Instant at) {
    }

    /** A draft invoice claims every open charge of the patient at the clinic, in the invoice's currency. */
    public record ClaimOpenCharges(@TargetAggregateIdentifier UUID patientId, UUID invoiceId, UUID clinicId, String currency) {
    }

    /** A discarded draft lets its charges go back to open. */
    public record ReleaseCharges(@TargetAggregateIdentifier UUID patientId, UUID invoiceId) {
    }

    /** Sent by the package's expiry deadline. */
    public record PackageExpiryDue(UUID packageId, Instant at) {
    }
}
