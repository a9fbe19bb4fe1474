package dev.warden.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server per JVM (GreenMail, in-process) on a port fixed at first start, so a test can
 * {@link #stop()} it to simulate an outage and {@link #start()} it again on the same port.
 */
public final class WardenSmtp {

    private static GreenMail server;
    private static int port;
    private static StallingProxy proxy;

    private WardenSmtp() {
    }

    public static synchronized int port() {
        if (port == 0) {
            port = ReservedPort.fresh(); // a restarted server rebinds it while the mailer keeps connecting
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(WardenSmtp::stop, "warden-smtp-stop"));
        }
        return port;
    }

    /**
     * The port of {@link #proxy()}, known before the proxy runs: what a test profile gives the mailer
     * ({@code quarkus.mailer.port}); it may call this from another class loader than the test's.
     */
    public static int proxyPort() {
        return ReservedPort.of("smtp-proxy");
    }

    /**
     * A {@link StallingProxy} on {@link #proxyPort()} in front of this server, started on first use (by
     * the test, before any mail is due) to freeze or slow the SMTP conversation.
     */
    public static synchronized StallingProxy proxy() {
        if (proxy == null) {
            proxy = new StallingProxy(proxyPort(), "127.0.0.1", port());
        }
        return proxy;
    }

    private static final int SERVER_TIMEOUT_MS = 5 * 60 * 1000;

    public static synchronized void start() {
        if (server == null) {
            ServerSetup setup = new ServerSetup(port == 0 ? ReservedPort.fresh() : port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            port = setup.getPort();
            GreenMail candidate = new GreenMail(setup);
            try {
                candidate.start();
                // RFC 5321 (4.5.3.2.7) asks servers to wait at least 5 minutes for a client; GreenMail's 30 s
                // would drop a conversation held by a frozen proxy (StallingProxy) that a real server keeps
                candidate.getSmtp().setClientSocketTimeout(SERVER_TIMEOUT_MS);
            } catch (RuntimeException e) {
                // a half-started server must not stay registered, or every later start() would be a no-op
                candidate.stop();
                throw e;
            }
            server = candidate;
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message the server accepted since it started. */
    public static synchronized List<MimeMessage> received() {
        port();
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    public static List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> Mail.recipients(m).contains(address)).collect(Collectors.toList());
    }

    public static Map<String, String> quarkusConfig() {
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.auth-methods", "");
    }
}
