package dev.warden.detection.erasure;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The changelogged store of erased accounts: account id → the latest erasure's time (epoch ms). It holds
 * no personal data; it is the line activity from before an erasure (a replay) may not cross.
 */
public final class ErasedAccounts {

    public static final String STORE = "erased-accounts";

    private ErasedAccounts() {
    }

    /**
     * The store over {@code inner}, holding up to {@code maxInMemory} erasures per task in memory (beyond that,
     * as many accounts it does not hold): the check every activity event makes is then rarely a read of the store below.
     */
    public static StoreBuilder<KeyValueStore<String, Long>> storeBuilder(StoreBuilder<KeyValueStore<String, Long>> inner,
            int maxInMemory) {
        return ErasedAccountsStore.builder(inner, maxInMemory);
    }
}
