package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientAddressTest {

    @Test
    void acceptsBareAddressesWithinTheLimits() {
        assertThat(RecipientAddress.problem("jane.doe+warden@mail.example.org")).isNull();
        assertThat(RecipientAddress.problem("o'brien_1@example-shop.de")).isNull();
        assertThat(RecipientAddress.problem("a".repeat(64) + "@" + "b".repeat(63) + ".example")).isNull();
    }

    @Test
    void refusesWhatIsNotABareAddressNamingTheReason() {
        assertThat(RecipientAddress.problem(null)).contains("no contact address");
        assertThat(RecipientAddress.problem(" ")).contains("no contact address");
        assertThat(RecipientAddress.problem("Jane <jane@example.org>")).contains("spaces");
        assertThat(RecipientAddress.problem("jane@example.org\r\nBcc: x@example.org")).contains("spaces");
        assertThat(RecipientAddress.problem("jane@example.org,joe@example.org")).contains("one @");
        assertThat(RecipientAddress.problem("jüri@example.org")).contains("non-ASCII");
        assertThat(RecipientAddress.problem("jane")).contains("one @");
        assertThat(RecipientAddress.problem("@example.org")).contains("one @");
        assertThat(RecipientAddress.problem("jane..doe@example.org")).contains("dot-atom");
        assertThat(RecipientAddress.problem("\"jane\"@example.org")).contains("dot-atom");
        assertThat(RecipientAddress.problem("jane@localhost")).contains("dot-separated");
        assertThat(RecipientAddress.problem("jane@example..org")).contains("dot-separated");
        assertThat(RecipientAddress.problem("jane@-example.org")).contains("host name label");
        assertThat(RecipientAddress.problem("jane@[127.0.0.1]")).contains("host name label");
    }

    @Test
    void refusesAddressesBeyondTheLengthsOfRfc5321() {
        assertThat(RecipientAddress.problem("a".repeat(65) + "@example.org")).contains("1 to 64");
        assertThat(RecipientAddress.problem("a@" + "b".repeat(64) + ".example")).contains("host name label");
        assertThat(RecipientAddress.problem("a@" + ("b".repeat(60) + ".").repeat(5) + "org")).contains("longer than 254");
    }
}
