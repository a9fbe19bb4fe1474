package dev.warden.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.warden.testsupport.ReservedPort;

/**
 * A real Keycloak (the Maven Central distribution {@code org.keycloak:keycloak-quarkus-dist}, unpacked by this
 * module's build into {@code target/keycloak}) in dev mode with an in-memory database, on a free port, with the
 * realm of {@code deploy/keycloak/warden-realm.json} whose console client is pointed at the test's console origin.
 */
final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private KeycloakServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Keycloak with the warden realm; the console client redirects to consoleOrigin only. */
    static KeycloakServer start(String consoleOrigin) throws IOException {
        Path home = home();
        Path realm = Path.of("..", "deploy", "keycloak", "warden-realm.json").toAbsolutePath().normalize();
        String json = Files.readString(realm)
                .replace("\"rootUrl\": \"http://127.0.0.1:8090\"", "\"rootUrl\": \"" + consoleOrigin + "\"")
                .replace("\"http://127.0.0.1:8090/*\"", "\"" + consoleOrigin + "/*\"");
        if (!json.contains(consoleOrigin + "/*")) {
            throw new IllegalStateException("the warden-console client in " + realm + " no longer names http://127.0.0.1:8090/*");
        }
        Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
        Files.writeString(imports.resolve("warden-realm.json"), json);
        int port = ReservedPort.fresh();
        Path log = Files.createDirectories(Path.of("target", "system-test-logs")).resolve("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--import-realm", "--health-enabled=false", "--log-level=info"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return new KeycloakServer(pb.start(), log, port);
    }

    private static Path home() {
        try (var dirs = Files.list(Path.of("target", "keycloak"))) {
            Path home = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/keycloak holds no keycloak-* directory"));
            home.resolve("bin").resolve("kc.sh").toFile().setExecutable(true);
            return home.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not unpacked in target/keycloak: run the system-tests build "
                    + "(its dependency:unpack execution fetches org.keycloak:keycloak-quarkus-dist)", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String realmUrl() {
        return url() + "/realms/warden";
    }

    void awaitReady(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                var r = SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                        .timeout(SystemHttp.PROBE_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    System.out.printf("[warden-system] keycloak ready: %d ms from launch%n", (System.nanoTime() - t0) / 1_000_000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; log:\n" + tail());
    }

    /** An access token for a person through the CLI client's password grant (the test's side channel, not the console's). */
    String passwordToken(String user, String password) throws Exception {
        return token("grant_type=password&client_id=warden-cli&username=" + enc(user) + "&password=" + enc(password));
    }

    /** The messaging platform's token (client credentials). */
    String platformToken() throws Exception {
        return token("grant_type=client_credentials&client_id=warden-platform&client_secret=platform-local-secret");
    }

    private String token(String form) throws Exception {
        HttpResponse<String> r = SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .timeout(SystemHttp.CALL_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token from Keycloak (" + r.statusCode() + "): " + r.body());
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    String tail() {
        return ServiceProcess.tail(log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
