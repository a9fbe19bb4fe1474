package dev.warden.notify.delivery;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One recorded read of a delivery's content. */
@RegisterForReflection
public record DeliveryReadView(String reader, String roles, Instant readAt) {

    static DeliveryReadView of(DeliveryAccess a) {
        return new DeliveryReadView(a.reader, a.roles, a.readAt);
    }
}
