package org.carecourse.billing.charge.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.charge.api.ChargeLine;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.charge.api.PricedCharge;
import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargePricingTest {

    private static final Instant START = Instant.parse("2026-11-10T16:00:00Z");
    private static final UUID CLINIC = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");

    @ParameterizedTest(name = "{0} s of infusion bill {1} and {2} × 96366")
    @CsvSource({
            "900, 96374, 0",   // 15 min: a push
            "901, 96365, 0",   // just over 15 min
            "960, 96365, 0",   // 16 min
            "5400, 96365, 0",  // 90 min: the second hour has only 30 min
            "5430, 96365, 0",  // 90.5 min
            "5460, 96365, 1",  // 91 min: 31 min into the second hour
            "9000, 96365, 1",  // 150 min
            "9060, 96365, 2",  // 151 min
            "0, 96374, 0"})
    void infusionCodesFollowTheDurationFromStartToStop(long seconds, String initial, int additional) {
        InfusionCodes codes = InfusionCodes.of(START, START.plusSeconds(seconds));
        assertThat(codes.initialCode()).isEqualTo(initial);
        assertThat(codes.additionalHours()).isEqualTo(additional);
    }

    @Test
    void anInfusionIsPricedAtTheSessionPriceWithAddOnHoursAndTheDrugByNdcAndMilligrams() {
        FeeSchedule base = FeeSchedule.chainDefault();
        FeeSchedule schedule = new FeeSchedule("USD", 30, base.consultation(), new FeeSchedule.Price(new BigDecimal("450.00")),
                new FeeSchedule.Price(new BigDecimal("125.00")), base.booster(), base.spravatoSession(),
                new FeeSchedule.Drug("0409-2051-05", new BigDecimal("0.33")), base.esketamine(), base.inductionPackage(), base.noShowFee(),
                base.lateCancelFee());
        PricedCharge charge = ChargePricing.infusion(CLINIC, DAY, new ChargePricing.InForce(3, schedule), false, START,
                START.plus(Duration.ofMinutes(95)), new BigDecimal("36.5"));
        assertThat(charge.kind()).isEqualTo(ChargeKind.IV_INFUSION);
        assertThat(charge.scheduleVersion()).isEqualTo(3);
        assertThat(charge.lines()).extracting(ChargeLine::code).containsExactly("96365", "96366", "J3490");
        assertThat(charge.lines().get(1).units()).isEqualTo(1);
        ChargeLine drug = charge.lines().get(2);
        assertThat(drug.ndc()).as("claims carry the 11-digit 5-4-2 form").isEqualTo("00409-2051-05");
        assertThat(drug.mg()).isEqualByComparingTo("36.5");
        // 36.5 mg × 0.33 = 12.045, rounded half up once, where it is computed
        assertThat(drug.amount()).isEqualTo(new BigDecimal("12.05"));
        assertThat(charge.amount()).isEqualTo(new BigDecimal("587.05"));
    }

    @Test
    void aBoosterIsPricedAsABooster() {
        PricedCharge charge = ChargePricing.infusion(CLINIC, DAY, new ChargePricing.InForce(0, FeeSchedule.chainDefault()), true, START,
                START.plus(Duration.ofMinutes(40)), new BigDecimal("35"));
        assertThat(charge.kind()).isEqualTo(ChargeKind.BOOSTER);
        assertThat(charge.amount()).isEqualTo(new BigDecimal("400.00"));
    }

    @ParameterizedTest(name = "{0} mg for {1}: {2} {3}")
    @CsvSource({
            "56, medicare, G2082, KX, 1",
            "84, medicare, G2083, KX, 1",
            "56, commercial, J0013, , 56",
            "84, medicaid, J0013, , 84",
            "28, self-pay, J0013, , 28"})
    void aSpravatoSessionIsCodedByPayerAndDose(int mg, String payer, String code, String modifier, int units) {
        PricedCharge charge = ChargePricing.spravato(CLINIC, DAY, new ChargePricing.InForce(0, FeeSchedule.chainDefault()),
                PayerType.fromCode(payer), BigDecimal.valueOf(mg));
        assertThat(charge.lines()).singleElement().satisfies(line -> {
            assertThat(line.code()).isEqualTo(code);
            assertThat(line.modifier()).isEqualTo(modifier);
            assertThat(line.units()).isEqualTo(units);
        });
        assertThat(charge.amount()).isEqualTo(new BigDecimal("600.00"));
    }

    @Test
    void aFreeConsultationAndZeroFeesChargeNothing() {
        ChargePricing.InForce list = new ChargePricing.InForce(0, FeeSchedule.chainDefault());
        assertThat(ChargePricing.consultation(CLINIC, DAY, list)).isEmpty();
        assertThat(ChargePricing.noShowFee(CLINIC, DAY, list)).get().extracting(PricedCharge::amount).isEqualTo(new BigDecimal("100.00"));
        assertThat(ChargePricing.cancellationFee(CLINIC, DAY, list, true, true)).get().extracting(PricedCharge::amount)
                .isEqualTo(new BigDecimal("75.00"));
        FeeSchedule base = FeeSchedule.chainDefault();
        FeeSchedule noFees = new FeeSchedule("USD", 30, new FeeSchedule.Consultation(new BigDecimal("150.00"), "99204"), base.ivInfusion(),
                base.ivAdditionalHour(), base.booster(), base.spravatoSession(), base.ketamine(), base.esketamine(), base.inductionPackage(),
                new FeeSchedule.Price(new BigDecimal("0.00")), new FeeSchedule.Price(new BigDecimal("0.00")));
        ChargePricing.InForce clinic = new ChargePricing.InForce(1, noFees);
        assertThat(ChargePricing.noShowFee(CLINIC, DAY, clinic)).isEmpty();
        assertThat(ChargePricing.consultation(CLINIC, DAY, clinic)).get()
                .satisfies(c -> assertThat(c.lines().get(0).code()).isEqualTo("99204"));
    }

    /** Whose cancellation it was decides the fee: only the patient's own, within the notice period. */
    @ParameterizedTest(name = "late {0}, by the patient {1}: fee {2}")
    @CsvSource({"true, true, true", "true, false, false", "false, true, false", "false, false, false"})
    void onlyAPatientsOwnLateCancellationCarriesTheFee(boolean late, boolean byPatient, boolean charged) {
        ChargePricing.InForce list = new ChargePricing.InForce(0, FeeSchedule.chainDefault());
        assertThat(ChargePricing.cancellationFee(CLINIC, DAY, list, late, byPatient).isPresent()).isEqualTo(charged);
    }
}
