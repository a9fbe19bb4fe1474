package dev.warden.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP proxy on a free loopback port in front of a real server, for fault tests on the wire.
 * {@link #freeze()} stops forwarding in both directions until {@link #thaw()}: connections stay open and
 * bytes wait, as with a server under SIGSTOP. {@link #delayReplyAfter} holds the server's first answer
 * after each marker the client sent (the end of an SMTP DATA) for a while, as a slow server would;
 * {@link #replyLatency} delays every answer of the server by the same time from its arrival, in order (a broker
 * whose acknowledgements are slow).
 */
public final class StallingProxy implements AutoCloseable {

    /** What ends the content of an SMTP DATA command: the server's reply to it decides the mail's fate. */
    public static final byte[] SMTP_END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final String host;
    private volatile int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean frozen;
    private volatile byte[] marker = new byte[0];
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile Duration latency = Duration.ZERO;

    /** A proxy on a free port. */
    public StallingProxy(String host, int targetPort) {
        this(0, host, targetPort);
    }

    /** A proxy on {@code listenPort} (0: a free one). */
    public StallingProxy(int listenPort, String host, int targetPort) {
        this.host = host;
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "stalling-proxy-" + targetPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Forwards new connections to {@code port} from now on (a server whose port is known only once it runs). */
    public void retarget(int port) {
        this.targetPort = port;
    }

    /** Stops forwarding: what either side sends waits in the proxy, connections stay open. */
    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    /** Forwards again, starting with what waited. */
    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** Holds the server's first answer after each {@code marker} from the client for {@code delay}; ZERO ends it. */
    public void delayReplyAfter(byte[] marker, Duration delay) {
        this.marker = marker.clone();
        this.replyDelay = delay;
    }

    /** Every answer of the server reaches the client {@code latency} after the server sent it (a slow link). */
    public void replyLatency(Duration latency) {
        this.latency = latency;
    }

    @Override
    public void close() {
        thaw();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(StallingProxy::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                continue;
            }
            try {
                Socket upstream = new Socket(host, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Queue<Long> marks = new ConcurrentLinkedQueue<>();
                pump(client, upstream, marks, true);
                pump(upstream, client, marks, false);
            } catch (IOException e) {
                // nothing behind the proxy (yet): the client sees its connection closed, as with a refused one,
                // and reconnects; left open, it would wait on a silent socket for its idle timeout
                closeQuietly(client);
            }
        }
    }

    /** Bytes read from one side, and when: latency counts from their arrival, not from when the last chunk left. */
    private record Chunk(byte[] bytes, long arrived) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /**
     * One direction of a connection: a reader that takes bytes as they arrive, and a writer that passes each
     * chunk on once the gates (freeze, the reply delay, the latency) allow, so a slow link delays every
     * answer by the latency once instead of once per chunk waiting behind it.
     */
    private void pump(Socket from, Socket to, Queue<Long> marks, boolean clientToServer) {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            byte[] tail = new byte[0];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long arrived = System.nanoTime();
                    if (clientToServer) {
                        byte[] m = marker;
                        byte[] seen = concat(tail, buf, n);
                        if (m.length > 0 && indexOf(seen, m) >= 0) {
                            marks.add(arrived);
                        }
                        tail = Arrays.copyOfRange(seen, Math.max(0, seen.length - Math.max(m.length - 1, 0)), seen.length);
                    }
                    chunks.add(new Chunk(Arrays.copyOf(buf, n), arrived));
                }
            } catch (IOException e) {
                // this side went away
            } finally {
                chunks.add(Chunk.END);
            }
        }, "stalling-proxy-read");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = chunks.take();
                    awaitThaw(); // a frozen server does not see the other side hang up either
                    if (c == Chunk.END) {
                        break;
                    }
                    if (!clientToServer) {
                        Long mark = marks.poll();
                        if (mark != null) {
                            sleepUntil(mark + replyDelay.toNanos());
                            awaitThaw();
                        }
                        sleepUntil(c.arrived() + latency.toNanos());
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "stalling-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b, int n) {
        byte[] out = Arrays.copyOf(a, a.length + n);
        System.arraycopy(b, 0, out, a.length, n);
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
