package dev.warden.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The test broker's security: the same listener settings as deploy/local (SCRAM-SHA-512 for clients,
 * PLAIN with a JAAS-configured user between broker and controller), SCRAM users in the bootstrap
 * metadata (what {@code kafka-storage format --add-scram} writes); the ACLs are {@link KafkaSetup#acls()}.
 */
final class KafkaBrokerSecurity {

    static final String BROKER_LISTENER = "EXTERNAL";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CONTROLLER_USER = "controller";
    private static final String CONTROLLER_PASSWORD = "controller-local-secret";

    private KafkaBrokerSecurity() {
    }

    static Map<String, String> brokerConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sasl.enabled.mechanisms", KafkaPrincipal.MECHANISM);
        c.put("listener.name.external.sasl.enabled.mechanisms", KafkaPrincipal.MECHANISM);
        c.put("listener.name.external.scram-sha-512.sasl.jaas.config",
                KafkaPrincipal.jaas(KafkaPrincipal.ADMIN.username(), KafkaPrincipal.ADMIN.password()));
        c.put("sasl.mechanism.inter.broker.protocol", KafkaPrincipal.MECHANISM);
        c.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        c.put("sasl.mechanism.controller.protocol", "PLAIN");
        c.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + CONTROLLER_PASSWORD + "\" user_" + CONTROLLER_USER + "=\""
                        + CONTROLLER_PASSWORD + "\";");
        c.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        c.put("allow.everyone.if.no.acl.found", "false");
        c.put("super.users", "User:" + KafkaPrincipal.ADMIN.username() + ";User:" + CONTROLLER_USER);
        return c;
    }

    /** The test kit's default bootstrap metadata plus a SCRAM-SHA-512 credential for every principal. */
    static BootstrapMetadata bootstrapMetadata() {
        BootstrapMetadata defaults = new TestKitNodes.Builder().build().bootstrapMetadata();
        List<ApiMessageAndVersion> records = new ArrayList<>(defaults.records());
        try {
            ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
            for (KafkaPrincipal p : KafkaPrincipal.values()) {
                ScramCredential cred = formatter.generateCredential(p.password(), 4096);
                records.add(new ApiMessageAndVersion(new UserScramCredentialRecord().setName(p.username())
                        .setMechanism(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512.type())
                        .setSalt(cred.salt()).setStoredKey(cred.storedKey()).setServerKey(cred.serverKey())
                        .setIterations(cred.iterations()), (short) 0));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return BootstrapMetadata.fromRecords(records, "warden-test");
    }

    /**
     * Kafka registers its SASL mechanisms as JVM-wide security providers, once. When a Quarkus test
     * profile restarts the app in a new class loader, its broker would get the factories of the earlier
     * class loader, whose callbacks its own handlers reject: every login fails. Re-register this class
     * loader's providers (the earlier broker serves no one any more).
     */
    static synchronized void useThisClassLoadersSaslProviders() {
        for (java.security.Provider p : java.security.Security.getProviders()) {
            if (p.getClass().getName().startsWith("org.apache.kafka.")
                    && p.getClass().getClassLoader() != KafkaBrokerSecurity.class.getClassLoader()) {
                java.security.Security.removeProvider(p.getName());
            }
        }
        org.apache.kafka.common.security.scram.internals.ScramSaslServerProvider.initialize();
        org.apache.kafka.common.security.scram.internals.ScramSaslClientProvider.initialize();
        org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider.initialize();
    }
}
