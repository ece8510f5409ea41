package org.carecourse.local;

import java.util.Map;

/** The fixed ports of a local platform; an offset lets a second platform run beside the first. */
public record LocalPorts(int issuer, int postgres, int kafka, int kafkaController, Map<String, Integer> services) {

    public static LocalPorts defaults() {
        return offset(0);
    }

    public static LocalPorts offset(int offset) {
        return new LocalPorts(9000 + offset, 15432 + offset, 19092 + offset, 19093 + offset, Map.of(
                "consultations", 8081 + offset,
                "screening", 8082 + offset,
                "scheduling", 8083 + offset,
                "treatment", 8084 + offset,
                "billing", 8085 + offset,
                "operations", 8086 + offset));
    }

    public int service(String name) {
        return services.get(name);
    }

    public String issuerUri() {
        return "http://localhost:" + issuer;
    }
}
