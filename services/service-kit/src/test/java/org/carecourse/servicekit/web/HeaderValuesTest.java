package org.carecourse.servicekit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void aTokenIsOneToMaxVisibleAsciiCharacters() {
        assertThat(HeaderValues.isVisibleToken("a", 3)).isTrue();
        assertThat(HeaderValues.isVisibleToken("abc", 3)).isTrue();
        assertThat(HeaderValues.isVisibleToken("abcd", 3)).as("too long").isFalse();
        assertThat(HeaderValues.isVisibleToken("", 3)).as("empty").isFalse();
        assertThat(HeaderValues.isVisibleToken("  ", 3)).as("blank").isFalse();
        assertThat(HeaderValues.isVisibleToken("a b", 3)).as("a space").isFalse();
        assertThat(HeaderValues.isVisibleToken("a\u0007", 3)).as("a control").isFalse();
        assertThat(HeaderValues.isVisibleToken("é", 3)).as("not ASCII").isFalse();
    }
}
