package dev.warden.detection.campaign;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.apache.kafka.common.errors.SerializationException;

/**
 * What the campaign serdes share: a layout byte first, then big-endian longs and ints, varint lengths and
 * UTF-8 text. Layout bytes are below 0x20; the tab-separated text these records travelled as before starts
 * with a printable character, so records and store values written by an older version are still read.
 */
final class WireFormat {

    static final int VERSION_1 = 1;

    private WireFormat() {
    }

    /** Reads {@code data} in the current layout, or as text from before the binary layouts; both fail as a SerializationException. */
    static <T> T read(byte[] data, String what, Function<ByteBuffer, T> binary, Function<String, T> legacyText) {
        try {
            if (data.length > 0 && (data[0] & 0xFF) >= 0x20) {
                return legacyText.apply(new String(data, StandardCharsets.UTF_8));
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            int version = data.length == 0 ? -1 : in.get();
            if (version != VERSION_1) {
                throw new SerializationException("unknown " + what + " layout " + version + " (this version reads "
                        + VERSION_1 + ")");
            }
            T value = binary.apply(in);
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " bytes after the " + what);
            }
            return value;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot read " + what + " (" + data.length + " bytes)", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes {@link #putText} takes for text of {@code n} UTF-8 bytes. */
    static int textSize(int n) {
        return varintSize(n) + n;
    }

    static void putText(ByteBuffer out, byte[] utf8) {
        putVarint(out, utf8.length);
        out.put(utf8);
    }

    static String getText(ByteBuffer in) {
        int n = getVarint(in);
        if (n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** Unsigned LEB128: lengths and counts below 128 take one byte. */
    static void putVarint(ByteBuffer out, int v) {
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    static int getVarint(ByteBuffer in) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.get() & 0xFF;
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative length " + v);
                }
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 5 bytes");
    }
}
