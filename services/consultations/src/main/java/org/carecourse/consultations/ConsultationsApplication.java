package org.carecourse.consultations;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consultations: patients, consultation requests and consult outcomes. */
@SpringBootApplication
public class ConsultationsApplication {

    public static final String NAME = "consultations";

    public static void main(String[] args) {
        CareCourseService.run(ConsultationsApplication.class, NAME, args);
    }
}
