package org.carecourse.operations;

import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.PlatformInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + OperationsApplication.NAME)
class OperationsServiceIT extends RunnableServiceContract {

    @Override
    protected boolean publishesEvents() {
        return false;
    }
}
