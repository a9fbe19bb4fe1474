package dev.warden.testsupport;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A free port number per name, kept in a system property: a Quarkus test profile and the test itself may
 * run in different class loaders (each with its own statics), but they agree on this number, so the
 * profile can point the application at a server the test then starts there.
 * <p>
 * The port is taken below Linux's ephemeral range (32768–60999): until the server runs, the application
 * keeps connecting to it, and a port from that range can become the source port of such a connection
 * (TCP self-connect), which then holds it and the server cannot bind.
 */
public final class ReservedPort {

    private static final int LOW = 20000;
    private static final int HIGH = 32000;

    private ReservedPort() {
    }

    /** Ports handed out by {@link #fresh()} in this class loader: never twice, even once their server is gone. */
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    public static synchronized int of(String name) {
        String key = "warden.test.port." + name;
        synchronized (System.getProperties()) {
            String known = System.getProperty(key);
            if (known != null) {
                return Integer.parseInt(known);
            }
            int port = free();
            System.setProperty(key, String.valueOf(port));
            return port;
        }
    }

    /**
     * A free port no earlier call gave out, for a server started after others already know its address (a
     * service's HTTP or management port that the test polls, an identity provider the services call).
     */
    public static synchronized int fresh() {
        int port;
        do {
            port = free();
        } while (!HANDED_OUT.add(port));
        return port;
    }

    private static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOW + java.util.concurrent.ThreadLocalRandom.current().nextInt(HIGH - LOW);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port in " + LOW + "-" + HIGH);
    }
}
