package dev.warden.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The legal screens ask only for strings the dictionary has (the German side is checked by DictionaryTest). */
class LegalDictionaryTest {

    private static final Pattern KEY = Pattern.compile("'([a-zA-Z]+\\.[a-zA-Z]+)':");
    private static final Pattern USE = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[a-zA-Z]+)'");

    @Test
    void everyStringTheLegalViewsAskForIsInTheDictionary() throws IOException {
        String js = read("i18n.js");
        Set<String> known = keys(KEY, js.substring(js.indexOf("const en = {"), js.indexOf("const de = {")));
        for (String file : new String[] {"views/escalations.js", "views/holds.js", "views/custody.js"}) {
            Set<String> used = keys(USE, read(file));
            assertThat(used).as(file).isNotEmpty();
            assertThat(known).as(file).containsAll(used);
        }
    }

    private static Set<String> keys(Pattern p, String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String read(String file) throws IOException {
        try (InputStream in = LegalDictionaryTest.class.getResourceAsStream("/META-INF/resources/js/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
