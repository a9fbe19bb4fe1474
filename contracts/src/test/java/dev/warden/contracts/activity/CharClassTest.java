package dev.warden.contracts.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The parser's character table must agree with the contract's character classes on every {@code char}. */
class CharClassTest {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9:._-]");

    @Test
    void hexAndAccountIdCharactersAreExactlyTheContractsClassesForEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String s = String.valueOf(c);
            assertEquals(HEX.matcher(s).matches(), ActivityEventParser.isHex(c), "hex, char " + i);
            assertEquals(ACCOUNT_ID.matcher(s).matches(), ActivityEventParser.isAccountIdChar(c), "account id, char " + i);
        }
    }
}
