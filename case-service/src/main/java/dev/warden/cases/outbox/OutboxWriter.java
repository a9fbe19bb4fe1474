package dev.warden.cases.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.contracts.json.WardenJson;

/** Appends events to the outbox inside the caller's transaction: they exist iff the change commits. */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String topic, UUID eventId, String key, String type, Object payload) {
        OutboxEvent e = new OutboxEvent();
        e.eventId = eventId;
        e.topic = topic;
        e.eventKey = key;
        e.eventType = type;
        e.payload = WardenJson.write(payload);
        e.createdAt = clock.instant();
        e.persist();
        return e;
    }
}
