package org.carecourse.servicekit.data;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;

/** Every request path of every service holds at most one pooled connection (see {@link OneConnectionPerRequest}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DataGuardsAutoConfiguration {

    /** Before everything that may touch the database (security, idempotency, controllers). */
    static final int REQUEST_MARK_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    static BeanPostProcessor oneConnectionPerRequestDataSource(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && "dataSource".equals(beanName)
                        ? OneConnectionPerRequest.guard(pool, meters::getObject)
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oneConnectionPerRequestFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(OneConnectionPerRequest.filter());
        registration.setOrder(REQUEST_MARK_ORDER);
        registration.setName("oneConnectionPerRequest");
        return registration;
    }
}
