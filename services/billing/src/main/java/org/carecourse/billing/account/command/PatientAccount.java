package org.carecourse.billing.account.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.billing.account.api.AccountCommands;
import org.carecourse.billing.account.api.AccountEvents;
import org.carecourse.billing.account.api.VoidReason;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.charge.api.PricedCharge;
import org.carecourse.billing.money.Money;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A patient's account with the chain: the charges posted to it, the packages bought and the
 * credits they still hold, and which invoice claims which charge. One stream per patient is the
 * consistency boundary for what the patient owes: a source charges once, a credit pays for one
 * charge, a charge sits on one invoice. Invoices, their payments and credit notes are their own
 * aggregate.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger", snapshotFilter = "accountSnapshotFilter")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class PatientAccount {

    static final String PACKAGE_EXPIRY = "package-expiry";
    /** The most charges one invoice carries (its published event lists them); older ones first, the rest wait for the next. */
    static final int MAX_CHARGES_PER_INVOICE = 200;

    @AggregateIdentifier
    private UUID patientId;
    private PayerType payer = PayerType.SELF_PAY;
    private org.carecourse.billing.account.api.Insured insured;
    private Set<String> chargedSources = new HashSet<>();
    private Map<UUID, AccountCharge> charges = new LinkedHashMap<>();
    private Map<UUID, AccountPackage> packages = new LinkedHashMap<>();

    PatientAccount() {
        // for Axon
    }

    /** The same coverage again changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountCommands.SetCoverage command) {
        if (patientId == null || payer != command.payer() || !java.util.Objects.equals(insured, command.insured())) {
            apply(new AccountEvents.CoverageSet(command.patientId(), command.payer(), command.insured()));
        }
    }

    /** A posted source changes nothing the second time (a redelivered event, a retried request): answers whether it charged. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(AccountCommands.PostCharge command) {
        if (chargedSources.contains(sourceKey(command.source(), command.sourceId()))) {
            return false;
        }
        post(command.patientId(), command.chargeId(), command.charge(), command.source(), command.sourceId(), command.at());
        return true;
    }

    /** An amendment seen before, or of a charge already replaced or voided, changes nothing: answers whether it re-priced. */
    @CommandHandler
    boolean handle(AccountCommands.AmendCharge command) {
        AccountCharge old = charges.get(command.chargeId());
        if (chargedSources.contains(sourceKey(command.source(), command.sourceId())) || old == null || old.voided) {
            return false;
        }
        if (old.invoiceId != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "charge-on-invoice",
                    "the charge is on invoice " + old.invoiceId + "; correct it by a credit note");
        }
        PricedCharge charge = command.charge();
        apply(new AccountEvents.ChargeVoided(patientId, command.chargeId(), old.clinicId, old.currency, old.amount, VoidReason.AMENDED,
                command.at()));
        apply(new AccountEvents.ChargePosted(patientId, command.newChargeId(), charge.kind(), charge.clinicId(), charge.serviceDate(),
                charge.currency(), charge.scheduleVersion(), charge.lines(), old.coveredBy != null ? Money.ZERO : charge.amount(),
                old.coveredBy, command.source(), command.sourceId(), command.at()));
        return true;
    }

    @CommandHandler
    void handle(AccountCommands.VoidCharge command) {
        AccountCharge charge = charges.get(command.chargeId());
        if (charge == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "unknown-charge", "no charge " + command.chargeId() + " on this account");
        }
        if (charge.voided) {
            return;
        }
        if (charge.invoiceId != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "charge-on-invoice",
                    "the charge is on invoice " + charge.invoiceId + "; discard the draft, or correct an issued invoice by a credit note");
        }
        if (charge.packageId != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "charge-of-a-package",
                    "the charge sells package " + charge.packageId + "; refund the package instead");
        }
        apply(new AccountEvents.ChargeVoided(patientId, command.chargeId(), charge.clinicId, charge.currency, charge.amount,
                command.reason(), command.at()));
    }

    /** Buying the same package again (a retried request) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountCommands.PurchasePackage command, DeadlineManager deadlines) {
        if (packages.containsKey(command.packageId())) {
            return;
        }
        PricedCharge charge = command.charge();
        BigDecimal price = charge.amount();
        BigDecimal creditValue = price.divide(BigDecimal.valueOf(command.credits()), 2, Money.ROUNDING);
        apply(new AccountEvents.PackagePurchased(command.patientId(), command.packageId(), charge.clinicId(), command.chargeId(),
                command.credits(), charge.currency(), price, creditValue, command.expiresOn(), command.at()));
        post(command.patientId(), command.chargeId(), charge, "PackagePurchased", command.packageId(), command.at());
        deadlines.schedule(command.expiresAt(), PACKAGE_EXPIRY, new AccountCommands.PackageExpiryDue(command.packageId(),
                command.expiresAt()));
    }

    @DeadlineHandler(deadlineName = PACKAGE_EXPIRY)
    void on(AccountCommands.PackageExpiryDue due) {
        AccountPackage held = packages.get(due.packageId());
        if (held != null && held.active() && held.creditsLeft > 0) {
            apply(new AccountEvents.PackageExpired(patientId, due.packageId(), held.soldAt, held.creditsLeft, held.currency,
                    held.remainingValue(), due.at()));
        }
    }

    /**
     * The unused credits go back as a credit note on the invoice that charged the package, so the
     * package must have been invoiced. Answers what the caller must credit, on which invoice.
     */
    @CommandHandler
    AccountEvents.PackageRefunded handle(AccountCommands.RefundPackage command) {
        AccountPackage held = packages.get(command.packageId());
        if (held == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "unknown-package", "no package " + command.packageId() + " on this account");
        }
        if (!held.active() || held.creditsLeft == 0) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "package-has-no-credits",
                    "package " + command.packageId() + " has no unused credits to refund (" + held.status() + ")");
        }
        UUID invoiceId = charges.get(held.chargeId).invoiceId;
        if (invoiceId == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "package-not-invoiced",
                    "the package's charge is on no invoice; invoice it before refunding its unused credits");
        }
        AccountEvents.PackageRefunded refunded = new AccountEvents.PackageRefunded(patientId, command.packageId(), held.soldAt,
                held.creditsLeft, held.currency, held.remainingValue(), invoiceId, command.creditNoteId(), command.at());
        apply(refunded);
        return refunded;
    }

    /** Answers the claimed charges, oldest first, at most {@value #MAX_CHARGES_PER_INVOICE}; a draft with nothing to claim is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<UUID> handle(AccountCommands.ClaimOpenCharges command) {
        List<UUID> open = charges.entrySet().stream()
                .filter(e -> e.getValue().open() && e.getValue().clinicId.equals(command.clinicId())
                        && e.getValue().currency.equals(command.currency()))
                .map(Map.Entry::getKey).limit(MAX_CHARGES_PER_INVOICE).toList();
        if (open.isEmpty()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-open-charges",
                    "the patient has no open " + command.currency() + " charges at clinic " + command.clinicId());
        }
        apply(new AccountEvents.ChargesClaimed(command.patientId(), command.invoiceId(), command.clinicId(), open));
        return open;
    }

    @CommandHandler
    void handle(AccountCommands.ReleaseCharges command) {
        List<UUID> claimed = charges.entrySet().stream().filter(e -> command.invoiceId().equals(e.getValue().invoiceId))
                .map(Map.Entry::getKey).toList();
        if (!claimed.isEmpty()) {
            apply(new AccountEvents.ChargesReleased(patientId, command.invoiceId(), claimed));
        }
    }

    /** A package credit pays for the charge when one is valid on its service date: the one expiring first. */
    private void post(UUID patient, UUID chargeId, PricedCharge charge, String source, UUID sourceId, Instant at) {
        Optional<Map.Entry<UUID, AccountPackage>> credit = charge.kind().payableByPackageCredit()
                ? packages.entrySet().stream()
                        .filter(e -> e.getValue().usableOn(charge.serviceDate(), charge.currency()))
                        .min(Comparator.comparing((Map.Entry<UUID, AccountPackage> e) -> e.getValue().expiresOn))
                : Optional.empty();
        BigDecimal owed = credit.isPresent() ? Money.ZERO : charge.amount();
        apply(new AccountEvents.ChargePosted(patient, chargeId, charge.kind(), charge.clinicId(), charge.serviceDate(), charge.currency(),
                charge.scheduleVersion(), charge.lines(), owed, credit.map(Map.Entry::getKey).orElse(null), source, sourceId, at));
        credit.ifPresent(e -> {
            AccountPackage held = e.getValue();
            apply(new AccountEvents.CreditConsumed(patient, e.getKey(), chargeId, held.soldAt, charge.clinicId(), charge.serviceDate(),
                    held.currency, held.nextCreditValue(), held.creditsLeft - 1, at));
        });
    }

    private static String sourceKey(String source, UUID sourceId) {
        return source + ":" + sourceId;
    }

    @EventSourcingHandler
    void on(AccountEvents.CoverageSet event) {
        patientId = event.patientId();
        payer = event.payer();
        insured = event.insured();
    }

    @EventSourcingHandler
    void on(AccountEvents.ChargePosted event) {
        patientId = event.patientId();
        chargedSources.add(sourceKey(event.source(), event.sourceId()));
        AccountCharge charge = new AccountCharge();
        charge.clinicId = event.clinicId();
        charge.currency = event.currency();
        charge.amount = event.amount();
        charge.packageId = "PackagePurchased".equals(event.source()) ? event.sourceId() : null;
        charge.coveredBy = event.coveredByPackageId();
        charges.put(event.chargeId(), charge);
    }

    @EventSourcingHandler
    void on(AccountEvents.ChargeVoided event) {
        charges.get(event.chargeId()).voided = true;
    }

    @EventSourcingHandler
    void on(AccountEvents.PackagePurchased event) {
        patientId = event.patientId();
        AccountPackage held = new AccountPackage();
        held.soldAt = event.clinicId();
        held.chargeId = event.chargeId();
        held.credits = event.credits();
        held.creditsLeft = event.credits();
        held.currency = event.currency();
        held.price = event.price();
        held.creditValue = event.creditValue();
        held.expiresOn = event.expiresOn();
        packages.put(event.packageId(), held);
    }

    @EventSourcingHandler
    void on(AccountEvents.CreditConsumed event) {
        AccountPackage held = packages.get(event.packageId());
        held.creditsLeft = event.creditsLeft();
        held.consumedValue = held.consumedValue.add(event.value());
    }

    @EventSourcingHandler
    void on(AccountEvents.PackageExpired event) {
        packages.get(event.packageId()).expired = true;
    }

    @EventSourcingHandler
    void on(AccountEvents.PackageRefunded event) {
        packages.get(event.packageId()).refunded = true;
    }

    @EventSourcingHandler
    void on(AccountEvents.ChargesClaimed event) {
        patientId = event.patientId();
        event.chargeIds().forEach(id -> charges.get(id).invoiceId = event.invoiceId());
    }

    @EventSourcingHandler
    void on(AccountEvents.ChargesReleased event) {
        event.chargeIds().forEach(id -> charges.get(id).invoiceId = null);
    }
}
