package dev.warden.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The fault proxy behaves like the link it stands for, so tests on top of it fail only for their own reasons. */
class StallingProxyTest {

    private static final int CHUNKS = 5;
    private static final Duration LATENCY = Duration.ofSeconds(2);

    @Test
    void everyAnswerArrivesOneLatencyAfterTheServerSentItNotOncePerAnswerAheadOfIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the server answers in five pieces 100 ms apart and notes when it sent each
            CompletableFuture<long[]> sentAt = CompletableFuture.supplyAsync(() -> {
                long[] sent = new long[CHUNKS];
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    for (int i = 0; i < CHUNKS; i++) {
                        sent[i] = System.nanoTime();
                        out.write(new byte[] {(byte) i});
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return sent;
            });
            try (StallingProxy proxy = new StallingProxy("127.0.0.1", server.getLocalPort())) {
                proxy.replyLatency(LATENCY); // before connecting: the server answers as soon as it accepts
                assertRepliesLateByTheLatencyOnce(proxy, sentAt);
            }
        }
    }

    private static void assertRepliesLateByTheLatencyOnce(StallingProxy proxy, CompletableFuture<long[]> sentAt)
            throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.setSoTimeout(30_000);
            long[] receivedAt = new long[CHUNKS];
            InputStream in = client.getInputStream();
            for (int i = 0; i < CHUNKS; i++) {
                assertEquals(i, in.read());
                receivedAt[i] = System.nanoTime();
            }
            long[] sent = sentAt.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < CHUNKS; i++) {
                Duration delay = Duration.ofNanos(receivedAt[i] - sent[i]);
                assertTrue(delay.compareTo(LATENCY) >= 0, "piece " + i + " came early: " + delay);
                // a latency counted from when the proxy got round to reading gives ~2 x LATENCY from the second on
                assertTrue(delay.compareTo(LATENCY.plusSeconds(1)) < 0, "piece " + i + " waited " + delay);
            }
        }
    }

    @Test
    void aConnectionWithNothingBehindTheProxyIsClosedInsteadOfLeftSilent() throws Exception {
        int nothing;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothing = gone.getLocalPort();
        }
        try (StallingProxy proxy = new StallingProxy("127.0.0.1", nothing);
                Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            // a silent socket would hold a Kafka client in its handshake until the socket's idle timeout
            client.setSoTimeout(20_000);
            client.getOutputStream().write(1);
            int read;
            try {
                read = client.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            assertEquals(-1, read);
        }
    }
}
