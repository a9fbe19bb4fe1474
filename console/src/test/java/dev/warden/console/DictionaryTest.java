package dev.warden.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    void everyStringTheViewsAskForIsInTheDictionary() throws Exception {
        String js = read("i18n.js");
        Set<String> known = keys(KEY, js.substring(js.indexOf("const en = {"), js.indexOf("const de = {")));
        // every script of the app, so that a new view is checked without being listed here
        Path root = Path.of(DictionaryTest.class.getResource("/META-INF/resources/js/app.js").toURI()).getParent();
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(root)) {
            scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
        }
        assertThat(scripts).hasSizeGreaterThan(10);
        for (Path file : scripts) {
            assertThat(known).as(root.relativize(file).toString())
                    .containsAll(keys(USE, Files.readString(file, StandardCharsets.UTF_8)));
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
