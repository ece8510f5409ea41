package org.carecourse.operations;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Operations: cross-site read models and dashboards over every topic (aggregates only, no names). Its domain arrives with its own issue. */
@SpringBootApplication
public class OperationsApplication {

    public static final String NAME = "operations";

    public static void main(String[] args) {
        CareCourseService.run(OperationsApplication.class, NAME, args);
    }
}
