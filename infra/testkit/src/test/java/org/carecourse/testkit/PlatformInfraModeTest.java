package org.carecourse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlatformInfraModeTest {

    @AfterEach
    void clear() {
        System.clearProperty(PlatformInfra.MODE_PROPERTY);
    }

    @Test
    void aForcedModeWinsOverDockerDetection() {
        System.setProperty(PlatformInfra.MODE_PROPERTY, "embedded");
        assertThat(PlatformInfra.chooseMode()).isEqualTo(PlatformInfra.Mode.EMBEDDED);
        System.setProperty(PlatformInfra.MODE_PROPERTY, "Containers");
        assertThat(PlatformInfra.chooseMode()).isEqualTo(PlatformInfra.Mode.CONTAINERS);
    }

    @Test
    void anUnknownModeIsRefusedRatherThanGuessed() {
        System.setProperty(PlatformInfra.MODE_PROPERTY, "in-memory");
        assertThatThrownBy(PlatformInfra::chooseMode).isInstanceOf(IllegalArgumentException.class);
    }
}
