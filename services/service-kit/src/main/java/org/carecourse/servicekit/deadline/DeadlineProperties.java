package org.carecourse.servicekit.deadline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often a service looks for deadlines that are due: a deadline fires within this of its time. */
@ConfigurationProperties("carecourse.deadlines")
public record DeadlineProperties(@DefaultValue("2s") Duration pollingInterval) {
}
