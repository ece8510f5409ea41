package org.carecourse.servicekit.audit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read audit every service keeps, and its query endpoint for auditors and clinic admins. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
public class ReadAuditAutoConfiguration {

    @Bean
    ReadAuditLog readAuditLog(JdbcClient jdbcClient) {
        return new ReadAuditLog(jdbcClient);
    }

    @Bean
    ReadAccess readAccess(ReadAuditLog log) {
        return new ReadAccess(log);
    }

    @Bean
    ReadAuditController readAuditController(ReadAuditLog log) {
        return new ReadAuditController(log);
    }
}
