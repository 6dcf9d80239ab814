package io.skillbridge.xapi.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilterKeyTest {

    /** Keys are stored: a change of the hash would make every stored statement unfindable by its filters. */
    @Test
    void keysAreFnv1a64OfTheUtf16LittleEndianBytesAsComputedElsewhere() {
        // expected values computed independently (Python, over value.encode('utf-16-le'))
        assertThat(FilterKey.of("http://adlnet.gov/expapi/verbs/completed")).isEqualTo(6502074924736937622L);
        assertThat(FilterKey.of("mbox:mailto:ada@example.com")).isEqualTo(8125941306529901932L);
        assertThat(FilterKey.of("Ünïcödé 学习")).isEqualTo(7668610580196643285L);
    }

    @Test
    void noValueHasNoKey() {
        assertThat(FilterKey.of(null)).isNull();
    }
}
