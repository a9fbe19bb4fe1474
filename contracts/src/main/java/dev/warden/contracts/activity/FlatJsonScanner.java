package dev.warden.contracts.activity;

import java.nio.charset.StandardCharsets;

import dev.warden.contracts.activity.ActivityEventParser.Field;
import dev.warden.contracts.activity.ActivityEventParser.Fields;

/**
 * The contract's fields of the usual record, read straight from its bytes: one flat JSON object whose names
 * and strings are printable ASCII without escapes, whose numbers are small integers and whose other values
 * are {@code true}, {@code false} or {@code null}. Anything else — an escape, a non-ASCII byte, a nested value,
 * a fraction, a repeated contract field, a syntax error, trailing content — returns null, and Jackson reads the
 * record instead: this never decides a rejection, so the reasons stay Jackson's. About a fifth of the cost of
 * Jackson's streaming parser on the simulator's records, which is what every activity event pays.
 */
final class FlatJsonScanner {

    /** Nine digits always fit an int; longer numbers are left to Jackson. */
    private static final int MAX_DIGITS = 9;

    private final byte[] b;
    private int i;

    private FlatJsonScanner(byte[] bytes) {
        this.b = bytes;
    }

    /** @return the fields, or null: read the record with Jackson */
    static Fields scan(byte[] bytes) {
        return new FlatJsonScanner(bytes).object();
    }

    private Fields object() {
        skipWhitespace();
        if (!take('{')) {
            return null;
        }
        Fields f = new Fields();
        skipWhitespace();
        if (!take('}')) {
            do {
                skipWhitespace();
                int nameStart = i + 1;
                if (!string()) {
                    return null;
                }
                int field = Field.index(b, nameStart, i - 1 - nameStart);
                skipWhitespace();
                if (!take(':')) {
                    return null;
                }
                skipWhitespace();
                if (field >= 0 && f.kind[field] != Fields.ABSENT) {
                    return null; // repeated field: the tree decides which one counts
                }
                if (!value(f, field)) {
                    return null;
                }
                skipWhitespace();
            } while (take(','));
            if (!take('}')) {
                return null;
            }
        }
        skipWhitespace();
        return i == b.length ? f : null;
    }

    /** One value into {@code f} ({@code field} < 0: an unknown field, read and ignored). */
    private boolean value(Fields f, int field) {
        if (i >= b.length) {
            return false;
        }
        byte c = b[i];
        if (c == '"') {
            int start = i + 1;
            if (!string()) {
                return false;
            }
            if (field >= 0) {
                f.set(field, Fields.TEXT).text[field] = new String(b, start, i - 1 - start, StandardCharsets.ISO_8859_1);
            }
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return integer(f, field);
        }
        byte kind;
        boolean bool = false;
        if (literal("null")) {
            kind = Fields.NULL;
        } else if (literal("true")) {
            kind = Fields.BOOLEAN;
            bool = true;
        } else if (literal("false")) {
            kind = Fields.BOOLEAN;
        } else {
            return false;
        }
        if (field >= 0) {
            f.set(field, kind).bool[field] = bool;
        }
        return true;
    }

    /** A string of printable ASCII without escapes, the cursor after its closing quote. */
    private boolean string() {
        if (!take('"')) {
            return false;
        }
        while (i < b.length) {
            byte c = b[i++];
            if (c == '"') {
                return true;
            }
            if (c == '\\' || c < 0x20) { // escapes, control characters and non-ASCII (negative) bytes
                return false;
            }
        }
        return false;
    }

    /** {@code -?(0|[1-9][0-9]{0,8})}, ending where a value may end; fractions and exponents are Jackson's. */
    private boolean integer(Fields f, int field) {
        boolean negative = take('-');
        int start = i;
        int value = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            value = value * 10 + (b[i++] - '0');
        }
        int digits = i - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && b[start] == '0') || !atValueEnd()) {
            return false;
        }
        if (field >= 0) {
            f.set(field, Fields.INT).number[field] = negative ? -value : value;
        }
        return true;
    }

    private boolean literal(String word) {
        if (i + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        return atValueEnd();
    }

    /** Whitespace, a comma or the closing brace: what may follow a value in a flat object. */
    private boolean atValueEnd() {
        if (i >= b.length) {
            return false;
        }
        byte c = b[i];
        return c == ',' || c == '}' || whitespace(c);
    }

    private boolean take(char c) {
        if (i < b.length && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (i < b.length && whitespace(b[i])) {
            i++;
        }
    }

    private static boolean whitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
