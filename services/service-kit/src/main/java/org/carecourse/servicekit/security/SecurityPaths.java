package org.carecourse.servicekit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Paths an issue made public (e.g. the intake web form); every other path needs a staff token. */
@ConfigurationProperties("carecourse.security")
public record SecurityPaths(@DefaultValue List<String> publicPaths) {
}
