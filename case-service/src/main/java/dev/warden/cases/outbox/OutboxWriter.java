package dev.warden.cases.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.contracts.json.WardenJson;

/** Appends events to the outbox inside the caller's transaction: they exist iff the change commits. */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

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

    /**
     * Rewrites the payloads of one key's events on one topic, published or not (erasure). Only the payload
     * column is written: the relay's lease and outcome columns are left to the relay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rewrite(String topic, String key, UnaryOperator<String> payload) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, payload FROM outbox_event WHERE topic = ?1 AND event_key = ?2")
                .setParameter(1, topic).setParameter(2, key).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("UPDATE outbox_event SET payload = ?1 WHERE id = ?2")
                    .setParameter(1, payload.apply((String) row[1])).setParameter(2, row[0]).executeUpdate();
        }
        return rows.size();
    }
}
