package dev.warden.common.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may go into a log line at INFO and above: never an e-mail address or a raw account id. An account
 * id becomes a short SHA-256 prefix ({@code acc#3f2a9c1b0d}): the same id gives the same tag, so log
 * lines still correlate, but the id is not in them. (Unkeyed: it hides ids from log readers, not from
 * someone who enumerates candidate ids.) An address becomes {@code a***@example.org}.
 */
public final class LogSafe {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");
    /** PostgreSQL's detail of a key violation names the values: {@code Key (account_id)=(acc:1)}. */
    private static final Pattern KEY_DETAIL = Pattern.compile("(Key \\([^)]*\\)=\\()[^)]*(\\))");
    private static final Pattern ACCOUNT_PATH = Pattern.compile("(/accounts/)([^/?#]+)");

    private LogSafe() {
    }

    /** A stable short tag for an account id. */
    public static String account(String accountId) {
        if (accountId == null) {
            return "acc#-";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            return "acc#" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    /** {@code holder@example.org} → {@code h***@example.org}. */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    /**
     * A free text (an exception message, an SMTP reply, a request path) with every e-mail address masked,
     * database key values removed and account ids in {@code /accounts/<id>} paths replaced by their tag.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        masked = KEY_DETAIL.matcher(masked).replaceAll("$1…$2");
        Matcher m = ACCOUNT_PATH.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + account(m.group(2))));
        }
        return m.appendTail(out).toString();
    }

    /** {@link #text} of a failure's {@code toString()}. */
    public static String text(Throwable failure) {
        return failure == null ? null : text(failure.toString());
    }
}
