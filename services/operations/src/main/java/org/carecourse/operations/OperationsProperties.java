package org.carecourse.operations;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where operations' browser side reaches out: the identity provider it signs people in at, and
 * the services whose APIs the auditors' views read with the signed-in auditor's own token.
 */
@Validated
@ConfigurationProperties("carecourse.operations")
public record OperationsProperties(@NotNull URI issuerUri, @NotNull URI treatmentUrl, @NotNull URI consultationsUrl) {
}
