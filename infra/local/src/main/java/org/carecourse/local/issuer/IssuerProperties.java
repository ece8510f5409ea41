package org.carecourse.local.issuer;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local token issuer's settings.
 *
 * @param dashboardRedirectUri where the issuer sends a user back after signing in to the operations dashboard
 * @param keyFile              where the signing key is kept, so tokens survive a restart (the
 *                             local platform puts it in its data folder; else the temp folder)
 */
@ConfigurationProperties("carecourse.issuer")
record IssuerProperties(
        @DefaultValue("http://localhost:8086/login/oauth2/code/carecourse") String dashboardRedirectUri,
        Path keyFile) {

    IssuerProperties {
        if (keyFile == null) {
            keyFile = Path.of(System.getProperty("java.io.tmpdir"), "carecourse-issuer-key.json");
        }
    }
}
