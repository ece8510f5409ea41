package org.carecourse.consultations;

import org.carecourse.consultations.consultation.web.PublicIntakeProperties;
import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Consultations: patients, consultation requests and consult outcomes. */
@SpringBootApplication
@EnableConfigurationProperties(PublicIntakeProperties.class)
public class ConsultationsApplication {

    public static final String NAME = "consultations";

    public static void main(String[] args) {
        CareCourseService.run(ConsultationsApplication.class, NAME, args);
    }
}
