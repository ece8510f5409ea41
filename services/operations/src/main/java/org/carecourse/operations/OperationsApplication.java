package org.carecourse.operations;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Operations: cross-site read models and dashboards over every topic (aggregates only, no names), and the auditors' views. */
@SpringBootApplication
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsApplication {

    public static final String NAME = "operations";

    public static void main(String[] args) {
        CareCourseService.run(OperationsApplication.class, NAME, args);
    }
}
