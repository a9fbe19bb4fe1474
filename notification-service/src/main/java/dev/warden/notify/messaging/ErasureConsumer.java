package dev.warden.notify.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.warden.common.messaging.ConsumerRetry;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.erasure.AccountEraser;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code warden.erasures.v1} (written only by case-service, which checks legal holds first) and
 * erases the account's share here. Transient database failures are retried; an unreadable record is
 * nacked and lands in {@code warden.erasures.v1.dlq} with the reason.
 */
@ApplicationScoped
public class ErasureConsumer {

    @Inject
    AccountEraser eraser;

    @Inject
    ConsumerRetry retry;

    @Incoming("erasures")
    @Blocking
    public void onErasure(String json) {
        ErasureEvent event = read(json);
        retry.run("erasure", () -> eraser.erase(event));
    }

    static ErasureEvent read(String json) {
        ErasureEvent e;
        try {
            e = WardenJson.read(json, ErasureEvent.class);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("not an erasure event: " + ex.getMessage(), ex);
        }
        if (e == null || e.erasureId() == null || e.accountId() == null || e.erasedAt() == null) {
            throw new IllegalArgumentException("erasure event lacks erasureId, accountId or erasedAt");
        }
        try {
            UUID.fromString(e.erasureId());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("erasureId is not a UUID");
        }
        return e;
    }
}
