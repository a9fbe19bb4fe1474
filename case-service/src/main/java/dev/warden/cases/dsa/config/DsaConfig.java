package dev.warden.cases.dsa.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.dsa")
public interface DsaConfig {

    /** Where a restriction applies (ISO 3166-1 alpha-2, EU/EEA); the service is offered in the whole EEA. */
    @WithDefault("AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IS,IT,LI,LT,LU,LV,MT,NL,NO,PL,PT,RO,SE,SI,SK")
    List<String> territorialScope();

    /** Prefix of every puid: statement puids must be unique per platform, forever. */
    @WithDefault("warden")
    String puidPrefix();

    Submission submission();

    interface Submission {
        /** Base URL of the Transparency Database API (e.g. https://transparency.dsa.ec.europa.eu). */
        Optional<String> baseUrl();

        /** The platform's API bearer token. */
        Optional<String> token();

        /** Attempts per batch and run, with exponential backoff, before the run stops (the next run continues). */
        @WithDefault("4")
        int maxAttempts();

        /** Failed attempts of a statement over all runs after which it is parked as failed (visible, retried on request). */
        @WithDefault("20")
        int giveUpAfterAttempts();

        /** First back-off between attempts; doubles each time. */
        @WithDefault("PT0.5S")
        Duration backoff();

        @WithDefault("PT15S")
        Duration timeout();
    }
}
