package org.carecourse.servicekit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the platform's problem+json handlers ahead of Boot's generic ones. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class ProblemsAutoConfiguration {

    @Bean
    ProblemHandlers problemHandlers() {
        return new ProblemHandlers();
    }
}
