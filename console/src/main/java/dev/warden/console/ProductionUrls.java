package dev.warden.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Under the production profile the console refuses to start when it would send people's tokens over plain
 * http: every URL it hands the browser must be https, or http to the browser's own machine (loopback is a
 * secure context for browsers, and its traffic never leaves the host: the local platform and Compose).
 */
@Singleton
public class ProductionUrls {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    void onStart(@Observes StartupEvent event, ConsoleConfig config) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        List<String> problems = problems(urls(config));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start with the production profile: " + String.join("; ", problems));
        }
    }

    static Map<String, String> urls(ConsoleConfig config) {
        return Map.of("warden.console.keycloak-url", config.keycloakUrl(), "warden.console.cases-api", config.casesApi(),
                "warden.console.detection-api", config.detectionApi());
    }

    /** What is unsafe about the URLs (config key → value), empty when nothing is. */
    static List<String> problems(Map<String, String> urls) {
        List<String> problems = new ArrayList<>();
        urls.forEach((key, value) -> {
            URI uri;
            try {
                uri = URI.create(value.strip());
            } catch (IllegalArgumentException e) {
                problems.add(key + " is not a URL (" + value + ")");
                return;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.add(key + " is not an absolute http(s) URL (" + value + ")");
            } else if (scheme.equals("http") && !LOOPBACK.contains(host)) {
                problems.add(key + " is plain http to another host (" + value + "): the browser would send tokens "
                        + "unencrypted; use https");
            }
        });
        problems.sort(null);
        return problems;
    }
}
