package dev.warden.notify.report;

/** {@code jane@example.org} → {@code j***@example.org}: enough to recognise, not enough to write to. */
public final class RecipientMask {

    private RecipientMask() {
    }

    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return "***";
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return "***";
        }
        String first = at == 0 ? "" : address.substring(0, 1);
        return first + "***" + address.substring(at);
    }
}
