package org.carecourse.billing.superbill;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecourse.billing.account.api.Insured;

/**
 * A superbill: an itemised statement a patient sends their insurer to claim out-of-network
 * benefits. Its totals are the invoice's: charged, credited, paid (payments less refunds) and the
 * balance. The patient's name, date of birth and address are read from consultations as it is
 * printed, never kept by billing; {@code payer} and {@code insured} are the patient's coverage
 * ({@code insured} null for self-pay).
 */
public record Superbill(UUID invoiceId, String invoiceNumber, LocalDate issuedOn, UUID patientId, Patient patient, String payer,
        Insured insured, BillingProfile clinic, List<String> diagnosisCodes, String currency, List<Line> lines, BigDecimal charged,
        BigDecimal credited, BigDecimal paid, BigDecimal balance) {

    /** {@code address} null when the patient gave none. */
    public record Patient(String givenName, String familyName, LocalDate dateOfBirth, Address address) {

        @Override
        public String toString() {
            return "Patient[redacted]";
        }
    }

    public record Address(String line1, String line2, String city, String state, String postalCode) {

        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }

    /** One billed code on one day; {@code paidByPackage}: a package credit paid for the service. */
    public record Line(LocalDate serviceDate, String code, String modifier, int units, String ndc, BigDecimal mg, BigDecimal amount,
            boolean paidByPackage) {
    }
}
