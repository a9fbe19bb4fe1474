package dev.warden.notify.delivery;

import java.util.regex.Pattern;

/**
 * Whether an address may be mailed: a bare addr-spec whose local part is a dot-atom (RFC 5322; no quoted
 * strings, display names, comments or lists) and whose domain is a host name, within
 * RFC 5321's lengths (local part 64, domain 255, path 254), a domain with at least one dot. The event's
 * writer chose the address: anything else is refused with the reason, never sent.
 */
public final class RecipientAddress {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

    private RecipientAddress() {
    }

    /** @return why {@code address} may not be mailed, or null when it may */
    public static String problem(String address) {
        if (address == null || address.isBlank()) {
            return "no contact address for the account";
        }
        if (address.length() > MAX_LENGTH) {
            return "invalid recipient address: longer than " + MAX_LENGTH + " characters";
        }
        if (!address.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "invalid recipient address: spaces, control or non-ASCII characters";
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at != address.indexOf('@') || at > MAX_LOCAL) {
            return "invalid recipient address: needs one @ after a local part of 1 to " + MAX_LOCAL + " characters";
        }
        if (!DOT_ATOM.matcher(address.substring(0, at)).matches()) {
            return "invalid recipient address: the local part is not a dot-atom";
        }
        String domain = address.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "invalid recipient address: the domain needs dot-separated labels";
        }
        for (String label : domain.split("\\.")) {
            if (label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
                return "invalid recipient address: domain label '" + label + "' is not a host name label";
            }
        }
        return null;
    }
}
