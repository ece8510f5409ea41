package org.carecourse.consultations.consultation.web;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public intake form's limits.
 *
 * @param requestsPerMinute requests one client address may send a minute; beyond them, 429
 */
@Validated
@ConfigurationProperties("carecourse.public-intake")
public record PublicIntakeProperties(@DefaultValue("5") @Positive int requestsPerMinute) {
}
