package dev.warden.detection.activity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ParseResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies the {@code warden.activity.v1} contract to each raw record. A rejected record keeps its
 * original bytes and gains a {@value Topics#DLQ_REASON_HEADER} header, so the dead-letter topic
 * holds exactly what arrived and why it was refused. Never throws: the stream thread must not die.
 * <p>
 * The key arrives as bytes and is compared with the event's account id, which then keys the record: the key is
 * not decoded into a second {@code String} of the same id.
 */
public class ActivityValidator implements Processor<byte[], byte[], String, ValidatedActivity> {

    private static final Logger LOG = Logger.getLogger(ActivityValidator.class);

    private final ActivityEventParser parser;
    private final Clock clock;
    private final MeterRegistry metrics;
    /** By reason tag (a handful): the registry is not asked on every rejected record. */
    private final Map<String, Counter> rejected = new HashMap<>();
    private ProcessorContext<String, ValidatedActivity> context;
    private Counter accepted;

    public ActivityValidator(ActivityEventParser parser, Clock clock, MeterRegistry metrics) {
        this.parser = parser;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ValidatedActivity> context) {
        this.context = context;
        this.accepted = metrics.counter("warden.activity.accepted");
    }

    /** A bounded tag for the rejection metric: the kind of problem, not the offending value. */
    static String reasonTag(String rejection) {
        if (rejection.startsWith("not valid JSON") || rejection.startsWith("not a JSON") || rejection.startsWith("empty")
                || rejection.startsWith("unreadable")) {
            return "malformed";
        }
        if (rejection.startsWith("missing field")) {
            return "missing-field";
        }
        if (rejection.startsWith("unknown")) {
            return "unknown-value";
        }
        if (rejection.contains("in the future")) {
            return "future-timestamp";
        }
        if (rejection.contains("must be between")) {
            return "out-of-range";
        }
        if (rejection.startsWith("record key")) {
            return "key-mismatch";
        }
        return "invalid-field";
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        ParseResult result = parser.parse(record.value(), clock.instant());
        String rejection = null;
        if (result instanceof ParseResult.Rejected r) {
            rejection = r.reason();
        } else if (result instanceof ParseResult.Accepted a && keyIs(record.key(), a.event().accountId())) {
            accepted.increment();
            // one new record (each with* copies the headers)
            context.forward(new Record<>(a.event().accountId(), ValidatedActivity.accepted(a.event()), record.timestamp(),
                    record.headers()));
            return;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (rejection == null) {
            // state is partitioned by key: an event keyed otherwise would be counted for the wrong account
            rejection = "record key '" + key + "' does not match accountId";
        }
        LOG.debugf("dead-lettering activity record at key %s: %s", key, rejection);
        rejected.computeIfAbsent(reasonTag(rejection), tag -> metrics.counter("warden.activity.rejected", "reason", tag))
                .increment();
        record.headers().add(Topics.DLQ_REASON_HEADER, rejection.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(key, ValidatedActivity.rejected(record.key(), record.value(), rejection),
                record.timestamp(), record.headers()));
    }

    /** Whether the key is the account id's bytes. The contract allows only ASCII in an account id: a byte per char. */
    static boolean keyIs(byte[] key, String accountId) {
        if (key == null || key.length != accountId.length()) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != accountId.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
