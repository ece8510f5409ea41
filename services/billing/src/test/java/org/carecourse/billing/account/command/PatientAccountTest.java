package org.carecourse.billing.account.command;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.billing.account.api.AccountCommands;
import org.carecourse.billing.account.api.AccountEvents;
import org.carecourse.billing.account.api.VoidReason;
import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.charge.api.ChargeLine;
import org.carecourse.billing.charge.api.PricedCharge;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientAccountTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID DENVER = UUID.randomUUID();
    private static final UUID CHICAGO = UUID.randomUUID();
    private static final UUID PACKAGE = UUID.randomUUID();
    private static final UUID PACKAGE_CHARGE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");
    private static final LocalDate EXPIRES_ON = LocalDate.parse("2027-01-30");
    private static final Instant EXPIRES_AT = Instant.parse("2027-01-31T07:00:00Z");

    private AggregateTestFixture<PatientAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PatientAccount.class);
    }

    @Test
    void theSameSourceChargesOnceHoweverOftenItArrives() {
        UUID session = UUID.randomUUID();
        AccountEvents.ChargePosted posted = posted(UUID.randomUUID(), infusion(DENVER, "450.00"), "450.00", null, "InfusionAdministered",
                session);
        fixture.given(posted)
                .when(new AccountCommands.PostCharge(PATIENT, UUID.randomUUID(), "InfusionAdministered", session, infusion(DENVER, "450.00"),
                        NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aPackageBoughtInDenverPaysForAnInfusionInChicagoAndDenverOwesChicagoTheCredit() {
        UUID charge = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-11-12");
        fixture.given(purchased("2400.00", 6))
                .when(new AccountCommands.PostCharge(PATIENT, charge, "InfusionAdministered", session, infusion(CHICAGO, "450.00", day), NOW))
                .expectEvents(
                        new AccountEvents.ChargePosted(PATIENT, charge, ChargeKind.IV_INFUSION, CHICAGO, day, "USD", 2,
                                infusion(CHICAGO, "450.00", day).lines(), new BigDecimal("0.00"), PACKAGE, "InfusionAdministered", session,
                                NOW),
                        new AccountEvents.CreditConsumed(PATIENT, PACKAGE, charge, DENVER, CHICAGO, day, "USD", new BigDecimal("400.00"), 5,
                                NOW));
    }

    @Test
    void theLastCreditOfAPackageCarriesTheRoundingRemainderSoCreditsAddUpToThePrice() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-11-12");
        fixture.given(purchased("1000.00", 3))
                .andGiven(posted(first, infusion(DENVER, "450.00", day), "0.00", PACKAGE, "InfusionAdministered", UUID.randomUUID()),
                        new AccountEvents.CreditConsumed(PATIENT, PACKAGE, first, DENVER, DENVER, day, "USD", new BigDecimal("333.33"), 2, NOW),
                        posted(second, infusion(DENVER, "450.00", day), "0.00", PACKAGE, "InfusionAdministered", UUID.randomUUID()),
                        new AccountEvents.CreditConsumed(PATIENT, PACKAGE, second, DENVER, DENVER, day, "USD", new BigDecimal("333.33"), 1, NOW))
                .when(new AccountCommands.PostCharge(PATIENT, third, "InfusionAdministered", UUID.randomUUID(), infusion(DENVER, "450.00", day),
                        NOW))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.any(AccountEvents.ChargePosted.class)),
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(
                                new AccountEvents.CreditConsumed(PATIENT, PACKAGE, third, DENVER, DENVER, day, "USD",
                                        new BigDecimal("333.34"), 0, NOW))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aPackageIsNotUsedAfterItsLastValidDayAndNeverForABoosterOrAFee() {
        UUID charge = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        LocalDate dayAfter = EXPIRES_ON.plusDays(1);
        fixture.given(purchased("2400.00", 6))
                .when(new AccountCommands.PostCharge(PATIENT, charge, "InfusionAdministered", session, infusion(CHICAGO, "450.00", dayAfter),
                        NOW))
                .expectEvents(new AccountEvents.ChargePosted(PATIENT, charge, ChargeKind.IV_INFUSION, CHICAGO, dayAfter, "USD", 2,
                        infusion(CHICAGO, "450.00", dayAfter).lines(), new BigDecimal("450.00"), null, "InfusionAdministered", session, NOW));
        UUID fee = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        PricedCharge noShow = new PricedCharge(ChargeKind.NO_SHOW_FEE, DENVER, LocalDate.parse("2026-11-12"), "USD", 2,
                List.of(ChargeLine.service("NOSHOW", 1, new BigDecimal("100.00"))));
        fixture.given(purchased("2400.00", 6))
                .when(new AccountCommands.PostCharge(PATIENT, fee, "AppointmentNoShowed", appointment, noShow, NOW))
                .expectEvents(new AccountEvents.ChargePosted(PATIENT, fee, ChargeKind.NO_SHOW_FEE, DENVER, noShow.serviceDate(), "USD", 2,
                        noShow.lines(), new BigDecimal("100.00"), null, "AppointmentNoShowed", appointment, NOW));
    }

    @Test
    void buyingAPackagePostsItsChargeAtTheSellingClinicAndSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new AccountCommands.PurchasePackage(PATIENT, PACKAGE, PACKAGE_CHARGE, packageCharge("2400.00"), 6, EXPIRES_ON, EXPIRES_AT,
                        NOW))
                .expectEvents(purchased("2400.00", 6))
                .expectScheduledDeadlineWithName(EXPIRES_AT, PatientAccount.PACKAGE_EXPIRY);
    }

    @Test
    void atItsExpiryAPackageGivesUpTheCreditsItStillHoldsAndTheirValue() {
        LocalDate day = LocalDate.parse("2026-11-12");
        fixture.givenCommands(new AccountCommands.PurchasePackage(PATIENT, PACKAGE, PACKAGE_CHARGE, packageCharge("2400.00"), 6,
                        EXPIRES_ON, EXPIRES_AT, NOW),
                        new AccountCommands.PostCharge(PATIENT, UUID.randomUUID(), "InfusionAdministered", UUID.randomUUID(),
                                infusion(DENVER, "450.00", day), NOW))
                .whenThenTimeElapses(Duration.ofDays(100))
                .expectDeadlinesMet(new AccountCommands.PackageExpiryDue(PACKAGE, EXPIRES_AT))
                .expectEvents(new AccountEvents.PackageExpired(PATIENT, PACKAGE, DENVER, 5, "USD", new BigDecimal("2000.00"), EXPIRES_AT));
    }

    @Test
    void cannotRefundAPackageBeforeItIsInvoicedNorVoidItsCharge() {
        fixture.given(purchased("2400.00", 6))
                .when(new AccountCommands.RefundPackage(PATIENT, PACKAGE, UUID.randomUUID(), NOW))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("invoice it before refunding"));
        fixture.given(purchased("2400.00", 6))
                .when(new AccountCommands.VoidCharge(PATIENT, PACKAGE_CHARGE, VoidReason.POSTED_IN_ERROR, NOW))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void anInvoicedPackageRefundsTheValueOfItsUnusedCreditsOnItsInvoice() {
        UUID invoice = UUID.randomUUID();
        UUID creditNote = UUID.randomUUID();
        fixture.given(purchased("2400.00", 6))
                .andGiven(new AccountEvents.ChargesClaimed(PATIENT, invoice, DENVER, List.of(PACKAGE_CHARGE)))
                .when(new AccountCommands.RefundPackage(PATIENT, PACKAGE, creditNote, NOW))
                .expectEvents(new AccountEvents.PackageRefunded(PATIENT, PACKAGE, DENVER, 6, "USD", new BigDecimal("2400.00"), invoice,
                        creditNote, NOW));
    }

    @Test
    void aChargeOnAnInvoiceCannotBeVoidedAndAnOpenOneCan() {
        UUID charge = UUID.randomUUID();
        AccountEvents.ChargePosted posted = posted(charge, infusion(DENVER, "450.00"), "450.00", null, "InfusionAdministered",
                UUID.randomUUID());
        fixture.given(posted, new AccountEvents.ChargesClaimed(PATIENT, UUID.randomUUID(), DENVER, List.of(charge)))
                .when(new AccountCommands.VoidCharge(PATIENT, charge, VoidReason.WAIVED, NOW))
                .expectException(BusinessRuleViolation.class);
        fixture.given(posted)
                .when(new AccountCommands.VoidCharge(PATIENT, charge, VoidReason.WAIVED, NOW))
                .expectEvents(new AccountEvents.ChargeVoided(PATIENT, charge, DENVER, "USD", new BigDecimal("450.00"), VoidReason.WAIVED, NOW));
    }

    @Test
    void aDraftClaimsOnlyOpenChargesOfItsClinicAndNothingToClaimIsRefused() {
        UUID denverCharge = UUID.randomUUID();
        UUID chicagoCharge = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        fixture.given(posted(denverCharge, infusion(DENVER, "450.00"), "450.00", null, "InfusionAdministered", UUID.randomUUID()),
                        posted(chicagoCharge, infusion(CHICAGO, "450.00"), "450.00", null, "InfusionAdministered", UUID.randomUUID()))
                .when(new AccountCommands.ClaimOpenCharges(PATIENT, invoice, DENVER, "USD"))
                .expectEvents(new AccountEvents.ChargesClaimed(PATIENT, invoice, DENVER, List.of(denverCharge)))
                .expectResultMessagePayload(List.of(denverCharge));
        fixture.given(posted(denverCharge, infusion(DENVER, "450.00"), "450.00", null, "InfusionAdministered", UUID.randomUUID()),
                        new AccountEvents.ChargesClaimed(PATIENT, invoice, DENVER, List.of(denverCharge)))
                .when(new AccountCommands.ClaimOpenCharges(PATIENT, UUID.randomUUID(), DENVER, "USD"))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void anAmendedInfusionReplacesItsOpenChargeAndAPackageCreditMovesWithItWithoutASecondCredit() {
        UUID charge = UUID.randomUUID();
        UUID replacement = UUID.randomUUID();
        UUID amendment = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-11-12");
        PricedCharge longer = new PricedCharge(ChargeKind.IV_INFUSION, DENVER, day, "USD", 2, List.of(
                ChargeLine.service("96365", 1, new BigDecimal("450.00")), ChargeLine.service("96366", 1, new BigDecimal("125.00"))));
        fixture.given(purchased("2400.00", 6))
                .andGiven(posted(charge, infusion(DENVER, "450.00", day), "0.00", PACKAGE, "InfusionAdministered", UUID.randomUUID()),
                        new AccountEvents.CreditConsumed(PATIENT, PACKAGE, charge, DENVER, DENVER, day, "USD", new BigDecimal("400.00"), 5, NOW))
                .when(new AccountCommands.AmendCharge(PATIENT, charge, replacement, "SessionEntryAmended", amendment, longer, NOW))
                .expectEvents(
                        new AccountEvents.ChargeVoided(PATIENT, charge, DENVER, "USD", new BigDecimal("0.00"), VoidReason.AMENDED, NOW),
                        new AccountEvents.ChargePosted(PATIENT, replacement, ChargeKind.IV_INFUSION, DENVER, day, "USD", 2, longer.lines(),
                                new BigDecimal("0.00"), PACKAGE, "SessionEntryAmended", amendment, NOW));
        fixture.given(posted(charge, infusion(DENVER, "450.00", day), "450.00", null, "InfusionAdministered", UUID.randomUUID()),
                        new AccountEvents.ChargesClaimed(PATIENT, UUID.randomUUID(), DENVER, List.of(charge)))
                .when(new AccountCommands.AmendCharge(PATIENT, charge, replacement, "SessionEntryAmended", amendment, longer, NOW))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aLongAccountOfThreeHundredChargesStillRefusesItsFirstSourceAgain() {
        List<Object> history = new java.util.ArrayList<>();
        UUID firstSession = UUID.randomUUID();
        for (int i = 0; i < 300; i++) {
            history.add(posted(UUID.randomUUID(), infusion(DENVER, "450.00"), "450.00", null, "InfusionAdministered",
                    i == 0 ? firstSession : UUID.randomUUID()));
        }
        fixture.given(history)
                .when(new AccountCommands.PostCharge(PATIENT, UUID.randomUUID(), "InfusionAdministered", firstSession,
                        infusion(DENVER, "450.00"), NOW))
                .expectNoEvents();
    }

    private static AccountEvents.PackagePurchased purchasedEvent(String price, int credits) {
        return new AccountEvents.PackagePurchased(PATIENT, PACKAGE, DENVER, PACKAGE_CHARGE, credits, "USD", new BigDecimal(price),
                new BigDecimal(price).divide(BigDecimal.valueOf(credits), 2, java.math.RoundingMode.HALF_UP), EXPIRES_ON, NOW);
    }

    private static Object[] purchased(String price, int credits) {
        return new Object[] {purchasedEvent(price, credits),
                posted(PACKAGE_CHARGE, packageCharge(price), price, null, "PackagePurchased", PACKAGE)};
    }

    private static PricedCharge packageCharge(String price) {
        return new PricedCharge(ChargeKind.INDUCTION_PACKAGE, DENVER, LocalDate.parse("2026-11-02"), "USD", 2,
                List.of(ChargeLine.service("PKG-INDUCTION", 1, new BigDecimal(price))));
    }

    private static PricedCharge infusion(UUID clinic, String price) {
        return infusion(clinic, price, LocalDate.parse("2026-11-12"));
    }

    private static PricedCharge infusion(UUID clinic, String price, LocalDate day) {
        return new PricedCharge(ChargeKind.IV_INFUSION, clinic, day, "USD", 2, List.of(ChargeLine.service("96365", 1, new BigDecimal(price))));
    }

    private static AccountEvents.ChargePosted posted(UUID chargeId, PricedCharge charge, String owed, UUID coveredBy, String source,
            UUID sourceId) {
        return new AccountEvents.ChargePosted(PATIENT, chargeId, charge.kind(), charge.clinicId(), charge.serviceDate(), charge.currency(),
                charge.scheduleVersion(), charge.lines(), new BigDecimal(owed), coveredBy, source, sourceId, NOW);
    }
}
