package dev.warden.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.warden.testsupport.ReservedPort;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenPostgres;

/**
 * One Warden service started from its packaged jar ({@code target/quarkus-app/quarkus-run.jar}) as a
 * separate JVM, configured by system properties, with its log in {@code target/system-test-logs}.
 */
final class ServiceProcess implements AutoCloseable {

    /** How often each module was started in this JVM: a restarted service logs to a file of its own. */
    private static final Map<String, Integer> LAUNCHES = new java.util.concurrent.ConcurrentHashMap<>();

    private final String name;
    private final Process process;
    private final Path log;
    final int port;
    /** The management interface: health and metrics, never served on {@link #port}. */
    final int managementPort;
    private final long launchedAt = System.nanoTime();

    private ServiceProcess(String name, Process process, Path log, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** What every service needs: the shared broker, the OIDC provider and a database of its own. */
    static Map<String, String> platformConfig(String database) {
        Map<String, String> config = new java.util.HashMap<>(WardenKafka.quarkusConfig());
        config.putAll(WardenOidc.quarkusConfig());
        config.putAll(WardenPostgres.quarkusConfig(database));
        return config;
    }

    static ServiceProcess start(String module, Map<String, String> config) throws IOException {
        return start(module, config, ReservedPort.fresh());
    }

    /** On a port chosen beforehand: for a service whose address others must know before it starts (the console's origin). */
    static ServiceProcess start(String module, Map<String, String> config, int port) throws IOException {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify builds them)");
        }
        int managementPort = ReservedPort.fresh();
        Path logs = Files.createDirectories(Path.of("target", "system-test-logs"));
        int launch = LAUNCHES.merge(module, 1, Integer::sum);
        Path log = logs.resolve(module + (launch == 1 ? "" : "-" + launch) + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(module, p, log, port, managementPort);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits for /q/health/ready (management port) and prints the start-up time Quarkus reports and the resident memory. */
    void awaitReady(Duration timeout) throws Exception {
        waitForHealth(timeout);
        String started = Files.readAllLines(log).stream().filter(l -> l.contains(" started in "))
                .map(l -> l.replaceAll(".* started in ([0-9.]+s).*", "$1")).findFirst().orElse("?");
        System.out.printf("[warden-system] %s ready: Quarkus started in %s, %d ms from launch to ready, RSS %d MB%n",
                name, started, (System.nanoTime() - launchedAt) / 1_000_000, rssMegabytes());
    }

    long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    private void waitForHealth(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<Void> r = SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(SystemHttp.PROBE_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; log:\n" + tail());
    }

    /** Waits for the process to end by itself; its exit code, or empty if it still runs after {@code timeout}. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    boolean logContains(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    String tail() {
        return tail(log);
    }

    /** The last 40 lines of a process's log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
