package dev.warden.detection;

import dev.warden.testsupport.KafkaResource;
import dev.warden.testsupport.OidcResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real servers for every test of this module: one Kafka broker and one OIDC provider per JVM. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
public final class WardenTestInfra {
    private WardenTestInfra() {
    }
}
