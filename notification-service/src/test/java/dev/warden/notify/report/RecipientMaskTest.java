package dev.warden.notify.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientMaskTest {

    @Test
    void keepsTheFirstCharacterAndTheDomainOnly() {
        assertThat(RecipientMask.mask("jane.doe@example.org")).isEqualTo("j***@example.org");
        assertThat(RecipientMask.mask("x@example.org")).isEqualTo("x***@example.org");
        assertThat(RecipientMask.mask("@example.org")).isEqualTo("***@example.org");
    }

    @Test
    void neverPassesOnSomethingThatIsNotAnAddress() {
        assertThat(RecipientMask.mask("no-at-sign")).isEqualTo("***");
        assertThat(RecipientMask.mask(null)).isEqualTo("***");
        assertThat(RecipientMask.mask(" ")).isEqualTo("***");
    }
}
