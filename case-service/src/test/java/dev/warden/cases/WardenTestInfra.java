package dev.warden.cases;

import dev.warden.testsupport.KafkaResource;
import dev.warden.testsupport.OidcResource;
import dev.warden.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real servers for every test of this module: Kafka, PostgreSQL and an OIDC provider, one each per JVM. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "cases"))
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
public final class WardenTestInfra {
    private WardenTestInfra() {
    }
}
