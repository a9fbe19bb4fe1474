package dev.warden.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the production profile refuses: local default or empty secrets, OIDC over plain http, Kafka
 * without SASL_SSL, SMTP without TLS, browser access (CORS) from any origin or from plain http, and the two things
 * a mail would carry wrong without failing: a placeholder address (a domain reserved for examples and tests, as
 * the local defaults and the production overlay's unedited literals are) and a plain-http evidence link for the
 * legal team. Each problem names the setting; settings a service does not use (no datasource, no mailer) are not
 * checked.
 */
public final class ProductionSafety {

    static final String LOCAL_SECRET_SUFFIX = "-local-secret";
    static final String LOCAL_DATASOURCE_PASSWORD = "warden";
    /** Domains reserved for documentation and tests (RFC 2606, RFC 6761), and their subdomains. */
    private static final List<String> RESERVED_DOMAINS = List.of("example", "test", "invalid", "localhost",
            "example.com", "example.net", "example.org");

    private ProductionSafety() {
    }

    /** The problems of the configuration read through {@code config}; empty when it is fit for production. */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        if (config.apply("quarkus.datasource.db-kind").isPresent()) {
            secret(problems, config, "quarkus.datasource.password", LOCAL_DATASOURCE_PASSWORD);
        }
        for (String key : List.of("quarkus.oidc.credentials.secret", "quarkus.oidc.credentials.client-secret.value")) {
            if (config.apply(key).isPresent()) {
                secret(problems, config, key, null);
            }
        }
        secret(problems, config, "warden.kafka.password", null);
        String oidc = config.apply("quarkus.oidc.auth-server-url").orElse("");
        if (!https(oidc)) {
            problems.add("quarkus.oidc.auth-server-url is not https (" + (oidc.isEmpty() ? "empty" : oidc) + ")");
        }
        String protocol = config.apply("kafka.security.protocol").orElse("PLAINTEXT");
        if (!"SASL_SSL".equalsIgnoreCase(protocol)) {
            problems.add("kafka.security.protocol is " + protocol + ", not SASL_SSL");
        }
        cors(problems, config);
        for (String key : List.of("quarkus.mailer.from", "warden.notify.legal-team")) {
            config.apply(key).filter(ProductionSafety::placeholderAddress).ifPresent(address -> problems.add(
                    key + " is a placeholder in a reserved domain (" + address + "): mail to it arrives nowhere"));
        }
        config.apply("warden.notify.evidence-base-url")
                .filter(url -> !https(url))
                .ifPresent(url -> problems.add("warden.notify.evidence-base-url is not https (" + url + ")"));
        if (config.apply("quarkus.mailer.host").isPresent()) {
            boolean tls = Boolean.parseBoolean(config.apply("quarkus.mailer.tls").orElse("false"));
            String startTls = config.apply("quarkus.mailer.start-tls").orElse("OPTIONAL");
            if (!tls && !"REQUIRED".equalsIgnoreCase(startTls)) {
                problems.add("SMTP without TLS: set quarkus.mailer.tls=true or quarkus.mailer.start-tls=REQUIRED"
                        + " (start-tls is " + startTls + ")");
            }
        }
        return problems;
    }

    /** Browsers may call the API only from origins named one by one, over https. */
    private static void cors(List<String> problems, Function<String, Optional<String>> config) {
        if (!Boolean.parseBoolean(config.apply("quarkus.http.cors.enabled").orElse("false"))) {
            return;
        }
        for (String origin : config.apply("quarkus.http.cors.origins").orElse("").split(",")) {
            String o = origin.strip();
            if (o.isEmpty()) {
                continue;
            }
            if (o.contains("*") || o.startsWith("/")) {
                problems.add("quarkus.http.cors.origins allows any origin (" + o + "): name the console's origins one by one");
            } else if (!https(o)) {
                problems.add("quarkus.http.cors.origins names an origin that is not https (" + o + ")");
            }
        }
    }

    private static boolean https(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /** An address in a reserved domain: no mail to it arrives anywhere. */
    static boolean placeholderAddress(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.endsWith(">")) {
            a = a.substring(0, a.length() - 1).strip();
        }
        int at = a.lastIndexOf('@');
        String domain = at < 0 ? a : a.substring(at + 1);
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        return RESERVED_DOMAINS.stream().anyMatch(r -> d.equals(r) || d.endsWith("." + r));
    }

    private static void secret(List<String> problems, Function<String, Optional<String>> config, String key,
            String localDefault) {
        String value = config.apply(key).orElse("");
        if (value.isBlank()) {
            problems.add(key + " is empty");
        } else if (value.equals(localDefault) || value.endsWith(LOCAL_SECRET_SUFFIX)) {
            problems.add(key + " is the local default");
        }
    }

    /** The one start-up message for {@code problems}. */
    public static String message(List<String> problems) {
        return "refusing to start with the production profile: " + String.join("; ", problems)
                + ". Set secrets from the environment (e.g. QUARKUS_DATASOURCE_PASSWORD, WARDEN_KAFKA_PASSWORD); "
                + "for a local run only, warden.security.allow-local-defaults=true starts anyway";
    }
}
