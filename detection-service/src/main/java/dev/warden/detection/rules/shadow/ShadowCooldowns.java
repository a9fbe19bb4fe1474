package dev.warden.detection.rules.shadow;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import dev.warden.contracts.json.WardenJson;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** When each shadow rule last fired for an account (event time), kept apart from the live cooldowns. */
@RegisterForReflection
public record ShadowCooldowns(Map<String, Long> lastFiredMillis) {

    public ShadowCooldowns {
        lastFiredMillis = lastFiredMillis == null ? new HashMap<>() : new HashMap<>(lastFiredMillis);
    }

    static Serde<ShadowCooldowns> serde() {
        return Serdes.serdeFrom((topic, v) -> v == null ? null : WardenJson.write(v).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                (topic, b) -> b == null ? null : WardenJson.read(new String(b, java.nio.charset.StandardCharsets.UTF_8),
                        ShadowCooldowns.class));
    }
}
