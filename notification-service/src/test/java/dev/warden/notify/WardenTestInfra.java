package dev.warden.notify;

import dev.warden.testsupport.KafkaResource;
import dev.warden.testsupport.OidcResource;
import dev.warden.testsupport.PostgresResource;
import dev.warden.testsupport.SmtpResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real servers for every test of this module: Kafka, PostgreSQL, SMTP and an OIDC provider. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "notifications"))
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
public final class WardenTestInfra {
    private WardenTestInfra() {
    }
}
