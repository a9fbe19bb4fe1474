package dev.warden.detection;

import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import dev.warden.testsupport.ApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the API × every role (401 / 403 / through), and bad JSON bodies refused naming the field. */
@QuarkusTest
class ApiContractTest extends ApiContract {

    @Inject
    KafkaStreams streams;

    /** Run first in a JVM, the stores may still be starting, and the rules API answers 503 until they are. */
    @BeforeEach
    void storesRunning() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }
}
