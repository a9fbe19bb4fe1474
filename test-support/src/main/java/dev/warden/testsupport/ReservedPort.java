package dev.warden.testsupport;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A free port number per name, kept in a system property: a Quarkus test profile and the test itself may
 * run in different class loaders (each with its own statics), but they agree on this number, so the
 * profile can point the application at a server the test then starts there.
 */
public final class ReservedPort {

    private ReservedPort() {
    }

    public static synchronized int of(String name) {
        String key = "warden.test.port." + name;
        synchronized (System.getProperties()) {
            String known = System.getProperty(key);
            if (known != null) {
                return Integer.parseInt(known);
            }
            try (ServerSocket s = new ServerSocket(0)) {
                System.setProperty(key, String.valueOf(s.getLocalPort()));
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
