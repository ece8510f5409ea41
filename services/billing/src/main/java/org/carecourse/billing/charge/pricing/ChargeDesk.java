package org.carecourse.billing.charge.pricing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import org.carecourse.billing.BillingApplication;
import org.carecourse.billing.account.api.AccountCommands;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.charge.api.PricedCharge;
import org.carecourse.billing.clinic.ClinicDirectory;
import org.carecourse.billing.feeschedule.query.FeeSchedules;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a fact from another service into a charge on the patient's account: the service date is the
 * clinic's calendar day of the service, the price the clinic's schedule in force on that day. The
 * charge's id comes from its source, so a redelivered fact names the same charge and the account
 * posts it once.
 */
@Component
public class ChargeDesk {

    private final ClinicDirectory clinics;
    private final FeeSchedules fees;
    private final CommandDispatch commands;
    private final JdbcClient jdbc;

    ChargeDesk(ClinicDirectory clinics, FeeSchedules fees, CommandDispatch commands, JdbcClient jdbc) {
        this.clinics = clinics;
        this.fees = fees;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** Prices on the clinic's day of {@code servedAt} and posts unless pricing answers null (a free service). */
    public void post(IntegrationEvent<?> cause, UUID patientId, UUID clinicId, Instant servedAt, String source, UUID sourceId,
            Function<Pricing, PricedCharge> price) {
        PricedCharge charge = price(patientId, clinicId, servedAt, price);
        if (charge != null) {
            commands.sendFor(cause, Actor.system(BillingApplication.NAME), clinicId, new AccountCommands.PostCharge(patientId,
                    chargeId(source, sourceId), source, sourceId, charge, cause.occurredAt()));
        }
    }

    /** Replaces the open charge {@code chargeId} by one priced again from a corrected fact; answers the new charge's id. */
    public UUID amend(IntegrationEvent<?> cause, UUID patientId, UUID clinicId, Instant servedAt, UUID chargeId, String source,
            UUID sourceId, Function<Pricing, PricedCharge> price) {
        UUID replacement = chargeId(source, sourceId);
        commands.sendFor(cause, Actor.system(BillingApplication.NAME), clinicId, new AccountCommands.AmendCharge(patientId, chargeId,
                replacement, source, sourceId, price(patientId, clinicId, servedAt, price), cause.occurredAt()));
        return replacement;
    }

    /** A clinic billing has not heard of yet is retried, not refused (see {@code zoneForInboundFact}). */
    private PricedCharge price(UUID patientId, UUID clinicId, Instant servedAt, Function<Pricing, PricedCharge> price) {
        LocalDate day = servedAt.atZone(clinics.zoneForInboundFact(clinicId)).toLocalDate();
        return price.apply(new Pricing(clinicId, day, fees.inForce(clinicId, day), payer(patientId)));
    }

    /** What a price depends on: where, which day, the schedule in force and the patient's payer. */
    public record Pricing(UUID clinicId, LocalDate day, ChargePricing.InForce fees, PayerType payer) {
    }

    public static UUID chargeId(String source, UUID sourceId) {
        return UUID.nameUUIDFromBytes(("charge:" + source + ":" + sourceId).getBytes(StandardCharsets.UTF_8));
    }

    private PayerType payer(UUID patientId) {
        return jdbc.sql("select payer from coverage where patient_id = ?").param(patientId).query(String.class).optional()
                .map(PayerType::fromCode).orElse(PayerType.SELF_PAY);
    }
}
