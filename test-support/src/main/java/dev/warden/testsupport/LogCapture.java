package dev.warden.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects every log line at INFO and above that the test JVM writes (the service's and its libraries',
 * the in-JVM SMTP and database servers aside), formatted as printed, with the messages of any failure.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() < Level.INFO.intValue() || testInfrastructure(r.getLoggerName())) {
                return;
            }
            StringBuilder line = new StringBuilder(r.getLevel() + " [" + r.getLoggerName() + "] ");
            line.append(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage());
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
    }

    /** The SMTP and database servers the tests run in the same JVM are not the service. */
    private static boolean testInfrastructure(String logger) {
        return logger != null && (logger.startsWith("com.icegreen.") || logger.startsWith("io.zonky."));
    }

    public static LogCapture start() {
        LogCapture c = new LogCapture();
        Logger.getLogger("").addHandler(c.handler);
        return c;
    }

    /** The captured lines that contain any of the needles. */
    public List<String> containing(String... needles) {
        return lines.stream().filter(l -> {
            for (String n : needles) {
                if (l.contains(n)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    public int size() {
        return lines.size();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
