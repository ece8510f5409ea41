package org.carecourse.scheduling;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Scheduling: clinics, chairs, staff, appointment types and bookings. For now it owns only the
 * clinic directory that every other service refers to.
 */
@SpringBootApplication
public class SchedulingApplication {

    public static final String NAME = "scheduling";

    public static void main(String[] args) {
        CareCourseService.run(SchedulingApplication.class, NAME, args);
    }
}
