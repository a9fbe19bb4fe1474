package dev.warden.detection.erasure;

/**
 * The changelogged store of erased accounts: account id → the latest erasure's time (epoch ms). It holds
 * no personal data; it is the line activity from before an erasure (a replay) may not cross.
 */
public final class ErasedAccounts {

    public static final String STORE = "erased-accounts";

    private ErasedAccounts() {
    }
}
