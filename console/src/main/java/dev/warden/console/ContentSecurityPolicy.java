package dev.warden.console;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Security headers on every answer. The policy allows scripts and styles from the console only, and
 * network calls to the console, Keycloak and the APIs it is configured with: nothing else, no inline code.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    void register(@Observes Filters filters, ConsoleConfig config) {
        String policy = policy(config);
        filters.register(rc -> {
            rc.response().putHeader("Content-Security-Policy", policy)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer");
            rc.next();
        }, 100);
    }

    static String policy(ConsoleConfig config) {
        String keycloak = origin(config.keycloakUrl());
        String cases = origin(config.casesApi());
        String detection = origin(config.detectionApi());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + keycloak + " " + cases + " " + detection + "; "
                + "frame-src " + keycloak + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of a configured URL. */
    static String origin(String url) {
        URI u = URI.create(url);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }
}
