package org.carecourse.billing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where billing reads what it does not keep: the patient's demographics for a superbill, from
 * consultations, with the biller's own token (consultations decides and records the read).
 */
@Validated
@ConfigurationProperties("carecourse.billing")
public record BillingProperties(@NotNull URI consultationsUrl) {
}
