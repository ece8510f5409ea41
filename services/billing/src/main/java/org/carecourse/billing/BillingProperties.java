package org.carecourse.billing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Billing's settings.
 *
 * @param consultationsUrl  where billing reads what it does not keep: the patient's demographics
 *                          for a superbill, from consultations, with the biller's own token
 *                          (consultations decides and records the read)
 * @param snapshotThreshold a patient account is snapshotted every this many events
 */
@Validated
@ConfigurationProperties("carecourse.billing")
public record BillingProperties(@NotNull URI consultationsUrl, @DefaultValue("100") @Positive int snapshotThreshold) {
}
