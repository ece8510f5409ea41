package org.carecourse.servicekit.messaging;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** The brokers the Kafka binder talks to, for the kit's own clients (the relay, dead-letter replay). */
public final class KafkaBrokers {

    private KafkaBrokers() {
    }

    /** The binder's brokers (a list or a comma-separated string), else Boot's, else a local broker. */
    public static String of(Environment environment) {
        return Binder.get(environment).bind("spring.cloud.stream.kafka.binder.brokers", Bindable.listOf(String.class))
                .map(brokers -> String.join(",", brokers))
                .orElseGet(() -> environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
    }
}
