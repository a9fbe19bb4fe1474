package dev.warden.common.security;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** Under the production profile, start-up fails on an unsafe setting unless the local exception is set. */
@Singleton
public class ProductionSafetyCheck {

    private static final Logger LOG = Logger.getLogger(ProductionSafetyCheck.class);

    void onStart(@Observes StartupEvent event, Config config, SecurityConfig security) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        List<String> problems = ProductionSafety.problems(key -> config.getOptionalValue(key, String.class));
        if (problems.isEmpty()) {
            return;
        }
        if (security.allowLocalDefaults()) {
            LOG.warnf("local exception (warden.security.allow-local-defaults=true), not fit for production: %s",
                    String.join("; ", problems));
            return;
        }
        String message = ProductionSafety.message(problems);
        LOG.error(message);
        throw new IllegalStateException(message);
    }
}
