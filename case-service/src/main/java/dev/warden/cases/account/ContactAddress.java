package dev.warden.cases.account;

import java.util.regex.Pattern;

/** A contact address fit to send enforcement mail to: plain addr-spec syntax, at most 254 characters. */
public final class ContactAddress {

    static final int MAX_LENGTH = 254;
    private static final Pattern ADDR = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private ContactAddress() {
    }

    /** Why the address is unusable, or null when it is valid. */
    public static String problem(String address) {
        if (address == null || address.isBlank()) {
            return "empty";
        }
        if (address.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at > 64 || !ADDR.matcher(address).matches()) {
            return "not a valid e-mail address";
        }
        return null;
    }
}
