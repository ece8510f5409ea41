package org.carecourse.treatment;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Treatment: each patient's event-sourced treatment course across clinics, sessions, outcomes and audit replay. Its domain arrives with its own issue. */
@SpringBootApplication
@EnableConfigurationProperties(TreatmentProperties.class)
public class TreatmentApplication {

    public static final String NAME = "treatment";

    public static void main(String[] args) {
        CareCourseService.run(TreatmentApplication.class, NAME, args);
    }
}
