package org.carecourse.billing.feeschedule.api;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.carecourse.billing.money.Money;

/**
 * What a clinic asks for each service, in one currency: one version of its fee schedule, and the
 * body of the request that publishes it. A price of zero means the service is not charged (the free
 * consultation). Prices of 96366 and of the drugs per mg are add-ons to the session's price; zero
 * means "included".
 */
public record FeeSchedule(
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @Min(0) @Max(365) int paymentTermsDays,
        @NotNull @Valid Consultation consultation,
        @NotNull @Valid Price ivInfusion,
        @NotNull @Valid Price ivAdditionalHour,
        @NotNull @Valid Price booster,
        @NotNull @Valid Price spravatoSession,
        @NotNull @Valid Drug ketamine,
        @NotNull @Valid Drug esketamine,
        @NotNull @Valid InductionPackage inductionPackage,
        @NotNull @Valid Price noShowFee,
        @NotNull @Valid Price lateCancelFee) {

    /** List prices a clinic charges until it publishes its own schedule. */
    public static FeeSchedule chainDefault() {
        return new FeeSchedule("USD", 30, new Consultation(price("0.00"), "99203"), new Price(price("450.00")),
                new Price(price("0.00")), new Price(price("400.00")), new Price(price("600.00")),
                new Drug("0409-2051-05", price("0.00")), new Drug("50458-028-02", price("0.00")),
                new InductionPackage(price("2400.00"), 6, 90), new Price(price("100.00")), new Price(price("75.00")));
    }

    private static BigDecimal price(String amount) {
        return new BigDecimal(amount);
    }

    /** A price: at most two decimals, never negative. */
    public record Price(@NotNull @DecimalMin("0.00") @DecimalMax(Money.MAX) @Digits(integer = 7, fraction = 2) BigDecimal amount) {
    }

    /** The consultation's price and the E/M code it is billed under when it is charged. */
    public record Consultation(@NotNull @DecimalMin("0.00") @DecimalMax(Money.MAX) @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "992[01][1-5]") String emCode) {
    }

    /** The product the clinic stocks (its NDC as labelled, 4-4-2, 5-3-2 or 5-4-1, or billed, 5-4-2) and its add-on price per mg given. */
    public record Drug(@NotNull @Pattern(regexp = org.carecourse.billing.charge.pricing.Ndc.PATTERN) String ndc,
            @NotNull @DecimalMin("0.00") @DecimalMax("10000.00") @Digits(integer = 5, fraction = 2) BigDecimal pricePerMg) {
    }

    /** The induction package: its price, how many IV sessions it pays for, and how many days it stays valid. */
    public record InductionPackage(@NotNull @DecimalMin("0.01") @DecimalMax(Money.MAX) @Digits(integer = 7, fraction = 2) BigDecimal price,
            @Min(1) @Max(24) int credits, @Min(1) @Max(730) int validityDays) {
    }
}
