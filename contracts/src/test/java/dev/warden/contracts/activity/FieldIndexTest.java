package dev.warden.contracts.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEventParser.Field;

/** The scanner names fields from their bytes; it must find exactly what the name's String would. */
class FieldIndexTest {

    private static int fromBytes(String name) {
        byte[] padded = ("{\"" + name + "\":").getBytes(StandardCharsets.ISO_8859_1);
        return Field.index(padded, 2, name.length());
    }

    @Test
    void findsEveryContractFieldFromItsBytes() {
        for (int k = 0; k < Field.NAMES.length; k++) {
            assertEquals(k, fromBytes(Field.NAMES[k]), Field.NAMES[k]);
        }
    }

    @Test
    void agreesWithTheStringLookupOnNearMissesAndRandomNames() {
        List<String> names = new ArrayList<>(List.of("", "e", "Type", "types", "eventid", "eventId ", "isReply2",
                "recipientsInContactsX", "a".repeat(200)));
        for (String n : Field.NAMES) {
            names.add(n.substring(1));
            names.add(n.substring(0, n.length() - 1));
            names.add(n.toUpperCase());
            names.add(n.substring(0, n.length() - 1) + (char) (n.charAt(n.length() - 1) + 1));
        }
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            String base = Field.NAMES[random.nextInt(Field.NAMES.length)];
            char[] chars = base.toCharArray();
            chars[random.nextInt(chars.length)] = (char) (0x21 + random.nextInt(0x5e)); // printable ASCII
            names.add(new String(chars));
        }
        for (String name : names) {
            assertEquals(Field.index(name), fromBytes(name), name);
        }
    }
}
