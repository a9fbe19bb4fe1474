package dev.warden.common.relay;

import java.time.Duration;

/** A send got no answer within its reply timeout: its outcome is unknown, it may still be accepted later. */
public class NoReplyException extends RuntimeException {

    public NoReplyException(Duration waited) {
        super("no reply within " + waited + ": outcome unknown");
    }
}
