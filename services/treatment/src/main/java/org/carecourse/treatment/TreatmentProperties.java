package org.carecourse.treatment;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Treatment's settings.
 *
 * @param snapshotThreshold a course is snapshotted every this many events
 */
@Validated
@ConfigurationProperties("carecourse.treatment")
public record TreatmentProperties(@DefaultValue("100") @Positive int snapshotThreshold) {
}
