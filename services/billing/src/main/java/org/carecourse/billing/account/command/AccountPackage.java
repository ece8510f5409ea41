package org.carecourse.billing.account.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.billing.money.Money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A package the patient holds. Every credit is worth the price divided by the credits, rounded to
 * the cent; the last credit is worth what is left, so the credits always add up to the price.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AccountPackage {

    UUID soldAt;
    UUID chargeId;
    int credits;
    int creditsLeft;
    String currency;
    BigDecimal price;
    BigDecimal creditValue;
    BigDecimal consumedValue = Money.ZERO;
    LocalDate expiresOn;
    boolean expired;
    boolean refunded;

    boolean active() {
        return !expired && !refunded;
    }

    String status() {
        return refunded ? "refunded" : expired ? "expired" : creditsLeft == 0 ? "used up" : "active";
    }

    boolean usableOn(LocalDate serviceDate, String chargeCurrency) {
        return active() && creditsLeft > 0 && !serviceDate.isAfter(expiresOn) && currency.equals(chargeCurrency);
    }

    BigDecimal nextCreditValue() {
        return creditsLeft == 1 ? remainingValue() : creditValue;
    }

    BigDecimal remainingValue() {
        return price.subtract(consumedValue);
    }

    /** By value: Axon's test fixture compares the state a command left with the state its events rebuild. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPackage other && java.util.Objects.equals(soldAt, other.soldAt) && java.util.Objects.equals(chargeId, other.chargeId) && java.util.Objects.equals(credits, other.credits) && java.util.Objects.equals(creditsLeft, other.creditsLeft) && java.util.Objects.equals(currency, other.currency) && java.util.Objects.equals(price, other.price) && java.util.Objects.equals(creditValue, other.creditValue) && java.util.Objects.equals(consumedValue, other.consumedValue) && java.util.Objects.equals(expiresOn, other.expiresOn) && java.util.Objects.equals(expired, other.expired) && java.util.Objects.equals(refunded, other.refunded);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(soldAt, chargeId, credits, creditsLeft, currency, price, creditValue, consumedValue, expiresOn, expired, refunded);
    }
}
