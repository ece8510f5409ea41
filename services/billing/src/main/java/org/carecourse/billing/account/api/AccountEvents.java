package org.carecourse.billing.account.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.charge.api.ChargeLine;
import org.carecourse.billing.charge.api.PayerType;

/** What happened in a patient's account; one stream per patient, chained for tamper evidence. */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** {@code insured}: the plan and member claimed against; absent (null) for self-pay and in events stored before it existed. */
    @Revision("1")
    public record CoverageSet(UUID patientId, PayerType payer, Insured insured) {
    }

    /** {@code amount}: what the patient owes for it (zero when {@code coveredByPackageId} paid it). */
    @Revision("1")
    public record ChargePosted(UUID patientId, UUID chargeId, ChargeKind kind, UUID clinicId, LocalDate serviceDate, String currency,
            int scheduleVersion, List<ChargeLine> lines, BigDecimal amount, UUID coveredByPackageId, String source, UUID sourceId,
            Instant at) {

        public ChargePosted {
            lines = List.copyOf(lines);
        }
    }

    @Revision("1")
    public record ChargeVoided(UUID patientId, UUID chargeId, UUID clinicId, String currency, BigDecimal amount, VoidReason reason,
            Instant at) {
    }

    @Revision("1")
    public record PackagePurchased(UUID patientId, UUID packageId, UUID clinicId, UUID chargeId, int credits, String currency,
            BigDecimal price, BigDecimal creditValue, LocalDate expiresOn, Instant at) {
    }

    /** {@code value}: what the credit is worth; the last credit of a package carries the rounding remainder. */
    @Revision("1")
    public record CreditConsumed(UUID patientId, UUID packageId, UUID chargeId, UUID soldAtClinicId, UUID deliveredAtClinicId,
            LocalDate serviceDate, String currency, BigDecimal value, int creditsLeft, Instant at) {
    }

    @Revision("1")
    public record PackageExpired(UUID patientId, UUID packageId, UUID soldAtClinicId, int credits, String currency, BigDecimal value,
            Instant at) {
    }

    @Revision("1")
    public record PackageRefunded(UUID patientId, UUID packageId, UUID soldAtClinicId, int credits, String currency, BigDecimal value,
            UUID invoiceId, UUID creditNoteId, Instant at) {
    }

    @Revision("1")
    public record ChargesClaimed(UUID patientId, UUID invoiceId, UUID clinicId, List<UUID> chargeIds) {

        public ChargesClaimed {
            chargeIds = List.copyOf(chargeIds);
        }
    }

    @Revision("1")
    public record ChargesReleased(UUID patientId, UUID invoiceId, List<UUID> chargeIds) {

        public ChargesReleased {
            chargeIds = List.copyOf(chargeIds);
        }
    }
}
