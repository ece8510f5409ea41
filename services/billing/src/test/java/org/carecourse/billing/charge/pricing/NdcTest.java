package org.carecourse.billing.charge.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NdcTest {

    @ParameterizedTest(name = "{0} is billed as {1}")
    @CsvSource({"0409-2051-05, 00409-2051-05", "50458-028-02, 50458-0028-02", "12345-6789-1, 12345-6789-01",
            "00409-2051-05, 00409-2051-05"})
    void eachLabelFormIsBilledInTheElevenDigitForm(String label, String billed) {
        assertThat(Ndc.billingForm(label)).isEqualTo(billed).hasSize(13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"409-2051-05", "0409-205-05", "04092051-05", "0409-2051-5", "00409-20510-5", ""})
    void anythingElseIsNoNdc(String notAnNdc) {
        assertThatThrownBy(() -> Ndc.billingForm(notAnNdc)).isInstanceOf(IllegalArgumentException.class);
    }
}
