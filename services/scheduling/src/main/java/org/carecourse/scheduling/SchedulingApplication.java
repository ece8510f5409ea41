package org.carecourse.scheduling;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Scheduling: the clinic directory every other service refers to, each clinic's chairs, staff
 * shifts and scheduling policy, availability, bookings and series, the appointment's life with its
 * deadlines, and the waitlist.
 */
@SpringBootApplication
public class SchedulingApplication {

    public static final String NAME = "scheduling";

    public static void main(String[] args) {
        CareCourseService.run(SchedulingApplication.class, NAME, args);
    }
}
