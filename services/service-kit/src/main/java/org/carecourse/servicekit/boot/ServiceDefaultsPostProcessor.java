package org.carecourse.servicekit.boot;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults (Axon without Axon Server, Jackson 3 serializer, synchronous
 * keyed Kafka producers, problem details, actuator exposure) beneath each service's own
 * configuration, so every service starts from the same safe settings and may override them.
 */
public class ServiceDefaultsPostProcessor implements EnvironmentPostProcessor {

    static final String DEFAULTS = "carecourse-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("carecourseServiceDefaults", new ClassPathResource(DEFAULTS))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
