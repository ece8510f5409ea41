package org.carecourse.servicekit.boot;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The service's name ({@code spring.application.name}, set by {@link CareCourseService}): its relay, its API title. */
@Validated
@ConfigurationProperties("spring.application")
public record ServiceApplication(@NotBlank String name) {
}
