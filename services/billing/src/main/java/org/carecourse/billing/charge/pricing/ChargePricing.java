package org.carecourse.billing.charge.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.charge.api.ChargeLine;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.charge.api.PricedCharge;
import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.carecourse.billing.money.Money;

/**
 * Prices clinical services and fees from the fee schedule version in force on the service date at
 * the clinic where the service happened. Pure: the caller finds the version and the payer.
 */
public final class ChargePricing {

    /** Unclassified drug: IV ketamine, billed with its NDC and the milligrams given. */
    public static final String KETAMINE = "J3490";
    /** Esketamine per 1 mg, for commercial and Medicaid payers (replaced S0013 on 2026-01-01). */
    public static final String ESKETAMINE_PER_MG = "J0013";
    /** Medicare's Spravato visit with its 2-hour observation: up to 56 mg, and above. */
    public static final String SPRAVATO_UP_TO_56_MG = "G2082";
    public static final String SPRAVATO_OVER_56_MG = "G2083";
    public static final String MEDICARE_REQUIREMENTS_MET = "KX";
    public static final String NO_SHOW = "NOSHOW";
    public static final String LATE_CANCEL = "LATECXL";

    private static final BigDecimal SPRAVATO_G_CODE_SPLIT_MG = new BigDecimal("56");

    private ChargePricing() {
    }

    /** The schedule in force on a day, with its version number (0: the chain's list prices). */
    public record InForce(int version, FeeSchedule schedule) {
    }

    public static PricedCharge infusion(UUID clinicId, LocalDate serviceDate, InForce fees, boolean booster, Instant startedAt,
            Instant stoppedAt, BigDecimal mgGiven) {
        FeeSchedule schedule = fees.schedule();
        InfusionCodes codes = InfusionCodes.of(startedAt, stoppedAt);
        BigDecimal session = booster ? schedule.booster().amount() : schedule.ivInfusion().amount();
        List<ChargeLine> lines = new ArrayList<>();
        lines.add(ChargeLine.service(codes.initialCode(), 1, Money.cents(session)));
        if (codes.additionalHours() > 0) {
            lines.add(ChargeLine.service(InfusionCodes.INFUSION_ADDITIONAL_HOUR, codes.additionalHours(),
                    Money.cents(schedule.ivAdditionalHour().amount().multiply(BigDecimal.valueOf(codes.additionalHours())))));
        }
        lines.add(new ChargeLine(KETAMINE, null, 1, Money.cents(schedule.ketamine().pricePerMg().multiply(mgGiven)),
                Ndc.billingForm(schedule.ketamine().ndc()), mgGiven));
        return new PricedCharge(booster ? ChargeKind.BOOSTER : ChargeKind.IV_INFUSION, clinicId, serviceDate, schedule.currency(),
                fees.version(), lines);
    }

    /**
     * Medicare: G2082 (≤ 56 mg) or G2083 (> 56 mg) with modifier KX, the drug included. Other payers
     * and self-pay: J0013 per milligram given, its units the milligrams.
     */
    public static PricedCharge spravato(UUID clinicId, LocalDate serviceDate, InForce fees, PayerType payer, BigDecimal doseMg) {
        FeeSchedule schedule = fees.schedule();
        BigDecimal session = Money.cents(schedule.spravatoSession().amount());
        ChargeLine line;
        if (payer == PayerType.MEDICARE) {
            String code = doseMg.compareTo(SPRAVATO_G_CODE_SPLIT_MG) <= 0 ? SPRAVATO_UP_TO_56_MG : SPRAVATO_OVER_56_MG;
            line = new ChargeLine(code, MEDICARE_REQUIREMENTS_MET, 1, session, Ndc.billingForm(schedule.esketamine().ndc()), doseMg);
        } else {
            BigDecimal drug = Money.cents(schedule.esketamine().pricePerMg().multiply(doseMg));
            line = new ChargeLine(ESKETAMINE_PER_MG, null, doseMg.intValue(), session.add(drug),
                    Ndc.billingForm(schedule.esketamine().ndc()), doseMg);
        }
        return new PricedCharge(ChargeKind.SPRAVATO_SESSION, clinicId, serviceDate, schedule.currency(), fees.version(), List.of(line));
    }

    /** The consultation under its E/M code; nothing when the clinic's consultation is free. */
    public static Optional<PricedCharge> consultation(UUID clinicId, LocalDate serviceDate, InForce fees) {
        FeeSchedule.Consultation consultation = fees.schedule().consultation();
        return charged(ChargeKind.CONSULTATION, clinicId, serviceDate, fees, consultation.emCode(), consultation.amount());
    }

    public static Optional<PricedCharge> noShowFee(UUID clinicId, LocalDate serviceDate, InForce fees) {
        return charged(ChargeKind.NO_SHOW_FEE, clinicId, serviceDate, fees, NO_SHOW, fees.schedule().noShowFee().amount());
    }

    /**
     * A cancellation carries the late-cancel fee only when it was the patient's own and late
     * (within the clinic's notice period): a clinic's cancellation, however late, never does.
     */
    public static Optional<PricedCharge> cancellationFee(UUID clinicId, LocalDate serviceDate, InForce fees, boolean late,
            boolean byPatient) {
        if (!late || !byPatient) {
            return Optional.empty();
        }
        return charged(ChargeKind.LATE_CANCEL_FEE, clinicId, serviceDate, fees, LATE_CANCEL, fees.schedule().lateCancelFee().amount());
    }

    public static PricedCharge inductionPackage(UUID clinicId, LocalDate serviceDate, InForce fees) {
        return new PricedCharge(ChargeKind.INDUCTION_PACKAGE, clinicId, serviceDate, fees.schedule().currency(), fees.version(),
                List.of(ChargeLine.service("PKG-INDUCTION", 1, Money.cents(fees.schedule().inductionPackage().price()))));
    }

    private static Optional<PricedCharge> charged(ChargeKind kind, UUID clinicId, LocalDate serviceDate, InForce fees, String code,
            BigDecimal amount) {
        if (!Money.positive(amount)) {
            return Optional.empty();
        }
        return Optional.of(new PricedCharge(kind, clinicId, serviceDate, fees.schedule().currency(), fees.version(),
                List.of(ChargeLine.service(code, 1, Money.cents(amount)))));
    }
}
