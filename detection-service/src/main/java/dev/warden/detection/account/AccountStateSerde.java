package dev.warden.detection.account;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.contracts.json.WardenJson;

/** JSON serde for the account state store (and its changelog topic). */
public class AccountStateSerde implements Serde<AccountState> {

    private static final ObjectMapper MAPPER = WardenJson.mapper();

    @Override
    public Serializer<AccountState> serializer() {
        return (topic, state) -> {
            try {
                return state == null ? null : MAPPER.writeValueAsBytes(state);
            } catch (IOException e) {
                throw new SerializationException("cannot write account state", e);
            }
        };
    }

    @Override
    public Deserializer<AccountState> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : MAPPER.readValue(bytes, AccountState.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read account state", e);
            }
        };
    }
}
