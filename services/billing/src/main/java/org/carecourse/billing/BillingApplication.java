package org.carecourse.billing;

import org.carecourse.servicekit.boot.CareCourseService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Billing: fee schedules, charges, packages, invoices and payments. Its domain arrives with its own issue. */
@SpringBootApplication
@EnableConfigurationProperties(BillingProperties.class)
public class BillingApplication {

    public static final String NAME = "billing";

    public static void main(String[] args) {
        CareCourseService.run(BillingApplication.class, NAME, args);
    }
}
