package dev.warden.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.warden.contracts.json.WardenJson;

/** The few HTTP calls of the smoke checks; an unreachable endpoint is a {@link Failure} naming it. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Http() {
    }

    /** A token of a local Keycloak user (password "<user>-local"), for the public client warden-cli. */
    static String userToken(String user) throws InterruptedException {
        return token("grant_type=password&client_id=warden-cli&username=" + enc(user) + "&password=" + enc(user + "-local"));
    }

    static String token(String form) throws InterruptedException {
        String url = Endpoints.keycloak() + "/realms/warden/protocol/openid-connect/token";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        return accessToken(r.statusCode(), r.body());
    }

    /** The access token of a token endpoint's answer. */
    static String accessToken(int status, String body) {
        Object token = status == 200 ? WardenJson.read(body, Map.class).get("access_token") : null;
        if (!(token instanceof String s)) {
            throw new Failure("Keycloak refused the token request (" + status + "): " + body);
        }
        return s;
    }

    static HttpResponse<String> get(String url, String token) throws InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)).GET(), token));
    }

    static HttpResponse<String> postJson(String url, String token, String json) throws InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest r = request.timeout(TIMEOUT).build();
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("cannot reach " + r.uri() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
