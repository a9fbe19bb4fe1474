package dev.warden.common.relay;

import io.smallrye.mutiny.Uni;

/** Sends one row over the network; the Uni ends when the other side answered (or the connection failed). */
@FunctionalInterface
public interface RelaySender<R> {

    Uni<Void> send(R row);
}
