package dev.warden.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link WardenKafka}'s broker in a JVM of its own, for benchmarks: in the test JVM the broker shares the JIT's
 * compiler threads, the collector and the code of the Kafka client classes with what is measured, which a
 * deployed service never does. The child prints its bootstrap address and lives until its standard input closes
 * (the parent ended, however it ended); after {@link #start} this JVM's {@link WardenKafka} connects to it.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    static final String EXTERNAL_BOOTSTRAP = "warden.test.kafka.external-bootstrap";
    private static final String READY = "warden-broker-ready ";

    private final Process process;

    private KafkaBrokerProcess(Process process) {
        this.process = process;
    }

    /** Starts the broker JVM with this JVM's class path and {@code jvmOptions}; fails if it does not come up. */
    public static synchronized KafkaBrokerProcess start(List<String> jvmOptions) throws IOException {
        if (System.getProperty(EXTERNAL_BOOTSTRAP) != null) {
            throw new IllegalStateException("a broker process is already in use");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaBrokerProcess.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(READY)) {
            // the broker's own start-up output
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the broker process ended before it was ready (exit "
                    + waitQuietly(process) + ")");
        }
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "warden-broker-output");
        drain.setDaemon(true);
        drain.start();
        System.setProperty(EXTERNAL_BOOTSTRAP, line.substring(READY.length()).trim());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "warden-broker-process-stop"));
        return broker;
    }

    public long pid() {
        return process.pid();
    }

    /** Closes the child's standard input (it then stops its broker and exits), and waits for it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static int waitQuietly(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The child: starts the broker, announces it, and stops when standard input reaches its end. */
    public static void main(String[] args) throws IOException {
        String servers = WardenKafka.bootstrapServers();
        System.out.println(READY + servers);
        System.out.flush();
        while (System.in.read() >= 0) {
            // nothing is sent: the end of the stream is the signal
        }
        System.exit(0); // WardenKafka's shutdown hook stops the broker
    }
}
