package org.carecourse.servicekit.web;

import java.time.Clock;

import org.carecourse.servicekit.idempotency.IdempotencyFilter;
import org.carecourse.servicekit.idempotency.IdempotencyProperties;
import org.carecourse.servicekit.idempotency.IdempotencyStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every request meets on its way in: the body limit first (before security and parsing),
 * then, once the caller is known, the idempotency of keyed writes.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({RequestLimits.class, IdempotencyProperties.class})
@EnableScheduling
public class WebGuardsAutoConfiguration {

    /** Right after character encoding; before Spring Security (-100) so no oversized body is parsed. */
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    /** After Spring Security (-100): the key belongs to the authenticated caller. */
    static final int IDEMPOTENCY_ORDER = -90;

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RequestLimits limits) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbcClient, Clock clock, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbcClient, clock, properties.retention());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, TransactionTemplate transactionTemplate,
            IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, transactionTemplate, properties));
        registration.setOrder(IDEMPOTENCY_ORDER);
        return registration;
    }
}
