package org.carecourse.servicekit.deadline;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * Durable deadlines for every service: Axon's {@code DbSchedulerDeadlineManager} (set up by Axon
 * once a db-scheduler {@link Scheduler} exists, hence the ordering) keeps them in the service's
 * own PostgreSQL ({@code scheduled_tasks}), so a restart or a second instance loses none and
 * fires each once. A deadline is scheduled in the transaction that stores the events deciding it
 * (the data source joins Spring's transaction), so a rolled-back booking leaves no deadline.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(properties.pollingInterval())
                .threads(2)
                .build();
    }

    /** Starts firing deadlines once the application (Axon included) is up; stops before it goes down. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1000;
            }
        };
    }
}
