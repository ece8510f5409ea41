package org.carecourse.billing;

import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.PlatformInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + BillingApplication.NAME)
class BillingServiceIT extends RunnableServiceContract {

    @Override
    protected boolean publishesEvents() {
        return false;
    }
}
