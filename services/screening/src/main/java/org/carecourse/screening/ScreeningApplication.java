package org.carecourse.screening;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Screening: screening cases, instruments, history and the eligibility decision. */
@SpringBootApplication
public class ScreeningApplication {

    public static final String NAME = "screening";

    public static void main(String[] args) {
        CareCourseService.run(ScreeningApplication.class, NAME, args);
    }
}
