package dev.warden.detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The service's own settings, as packaged, for the tests and benchmarks that run the topology in a KafkaStreams
 * of their own: what they prove or measure then holds for the settings production runs with.
 */
public final class ServiceStreamsConfig {

    private ServiceStreamsConfig() {
    }

    /** The service's application.properties, as packaged: the source of its JVM and Kafka Streams settings. */
    public static Properties applicationProperties() {
        Properties file = new Properties();
        try (InputStream in = ServiceStreamsConfig.class.getClassLoader().getResourceAsStream("application.properties")) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The {@code kafka-streams.*} entries for the production profile (what Quarkus hands to KafkaStreams), without
     * the prefix. Left out: profile entries ({@code %test.}, {@code %dev.}), the service's credentials (a test runs as
     * the broker's super user) and the state directory (each caller has its own).
     */
    public static Properties production() {
        Properties file = applicationProperties();
        Properties props = new Properties();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith("kafka-streams.") && !key.startsWith("kafka-streams.sasl.")
                    && !key.startsWith("kafka-streams.security.") && !key.equals("kafka-streams.state.dir")) {
                props.put(key.substring("kafka-streams.".length()), file.getProperty(key));
            }
        }
        return props;
    }
}
