package dev.warden.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void accountTagIsStableShortAndHidesTheId() {
        String tag = LogSafe.account("acc:4917012345678");

        assertThat(tag).matches("acc#[0-9a-f]{10}").isEqualTo(LogSafe.account("acc:4917012345678"))
                .isNotEqualTo(LogSafe.account("acc:4917012345679")).doesNotContain("4917012345678");
    }

    @Test
    void masksAddressesKeyValuesAndAccountPathsInFreeText() {
        String smtp = "550 5.1.1 <holder.name@example.org>: mailbox unavailable";
        String sql = "ERROR: duplicate key value violates unique constraint \"x\" Detail: Key (account_id)=(acc:1) exists";

        assertThat(LogSafe.email("holder@example.org")).isEqualTo("h***@example.org");
        assertThat(LogSafe.text(smtp)).isEqualTo("550 5.1.1 <h***@example.org>: mailbox unavailable");
        assertThat(LogSafe.text(sql)).doesNotContain("acc:1").contains("Key (account_id)=(…)");
        assertThat(LogSafe.text("/api/accounts/acc:1/erasure"))
                .isEqualTo("/api/accounts/" + LogSafe.account("acc:1") + "/erasure");
    }
}
