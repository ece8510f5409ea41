package org.carecourse.servicekit.boot;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service. Each service reads {@code <name>.yml} instead of {@code application.yml}
 * so several services can share one JVM in the local platform without shadowing each other's
 * configuration.
 */
public final class CareCourseService {

    private CareCourseService() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String name, String... args) {
        SpringApplication app = new SpringApplication(application);
        app.setDefaultProperties(Map.of("spring.config.name", name));
        return app.run(args);
    }
}
