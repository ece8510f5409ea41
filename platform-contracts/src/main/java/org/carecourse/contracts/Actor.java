package org.carecourse.contracts;

import java.util.Objects;

/**
 * Who caused an event: the authenticated user and the role they acted in, or a service acting on
 * its own behalf (role {@value #SYSTEM_ROLE}).
 */
public record Actor(String userId, String role) {

    public static final String SYSTEM_ROLE = "system";

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public static Actor system(String serviceName) {
        return new Actor(serviceName, SYSTEM_ROLE);
    }
}
