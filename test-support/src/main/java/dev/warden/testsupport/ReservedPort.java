package dev.warden.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for servers whose address is known before they run: {@link #fresh()} a new one per call,
 * {@link #of(String)} one per name, kept in a system property (a Quarkus test profile and the test itself may
 * run in different class loaders, each with its own statics, but they agree on this number).
 * <p>
 * Ports are taken below Linux's ephemeral range (32768–60999): until the server runs, clients keep
 * connecting to it, and a port from that range can become the source port of such a connection (TCP
 * self-connect), which then holds it and the server cannot bind. None is handed out twice by one class
 * loader: a port chosen but not yet bound would otherwise be free to choose again.
 */
public final class ReservedPort {

    private static final int LOW = 20000;
    private static final int HIGH = 32000;

    private ReservedPort() {
    }

    /** Ports handed out in this class loader, bound or not. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    public static synchronized int of(String name) {
        String key = "warden.test.port." + name;
        synchronized (System.getProperties()) {
            String known = System.getProperty(key);
            if (known != null) {
                return Integer.parseInt(known);
            }
            int port = fresh();
            System.setProperty(key, String.valueOf(port));
            return port;
        }
    }

    /** A free port this class loader has not handed out before. */
    public static synchronized int fresh() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOW + ThreadLocalRandom.current().nextInt(HIGH - LOW);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                HANDED_OUT.add(port);
                return port;
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port in " + LOW + "-" + HIGH);
    }
}
