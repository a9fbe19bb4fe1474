package dev.warden.system;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The system tests' one HTTP client and its timeouts: a call that hangs fails the test with a reason instead of
 * holding the build until its limit.
 */
final class SystemHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One readiness probe: a server still starting may accept and not answer yet; the next probe asks again. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** One API call or token request. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private SystemHttp() {
    }
}
