package dev.warden.detection.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.warden.common.problem.ProblemException;

/** Reads account state from this instance's stores (interactive queries). */
@ApplicationScoped
public class AccountStateQuery {

    @Inject
    KafkaStreams streams;

    public Optional<AccountState> find(String accountId) {
        try {
            ReadOnlyKeyValueStore<String, AccountState> store = streams.store(StoreQueryParameters
                    .fromNameAndType(AccountState.STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(accountId));
        } catch (InvalidStateStoreException e) {
            throw ProblemException.unavailable("state stores are rebalancing; retry shortly");
        }
    }
}
