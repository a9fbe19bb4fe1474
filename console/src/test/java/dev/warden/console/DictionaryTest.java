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

/** The console speaks English and German: every string exists in both, and every key the code uses exists. */
class DictionaryTest {

    private static final Pattern KEY = Pattern.compile("'([a-zA-Z]+\\.[a-zA-Z]+)':");
    private static final Pattern USE = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[a-zA-Z]+)'");

    @Test
    void germanHasEveryEnglishStringAndNoOther() throws IOException {
        String js = read("i18n.js");
        String en = js.substring(js.indexOf("const en = {"), js.indexOf("const de = {"));
        String de = js.substring(js.indexOf("const de = {"), js.indexOf("const dictionaries"));
        assertThat(keys(KEY, de)).isEqualTo(keys(KEY, en)).hasSizeGreaterThan(100);
    }

    @Test
    void everyStringTheViewsAskForIsInTheDictionary() throws IOException {
        String js = read("i18n.js");
        Set<String> known = keys(KEY, js.substring(js.indexOf("const en = {"), js.indexOf("const de = {")));
        for (String file : new String[] {"app.js", "views/queue.js", "views/case.js", "views/appeals.js", "views/evidence.js",
                "views/noaccess.js", "views/problem.js",
                "views/audit.js", "views/rules.js"}) {
            assertThat(known).as(file).containsAll(keys(USE, read(file)));
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
        try (InputStream in = DictionaryTest.class.getResourceAsStream("/META-INF/resources/js/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
