package dev.warden.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The lifecycle table in docs/cases.md is the one the code enforces. */
class CaseTransitionTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([A-Z_, ]+) \\| ([A-Z_]+|\\(unchanged\\)) \\|$");

    @Test
    void docsTableMatchesTheTransitionsInCode() throws IOException {
        Path docs = Path.of("..", "docs", "cases.md");
        String text = Files.readString(docs);
        String section = text.substring(text.indexOf("## Case lifecycle"), text.indexOf("## Separation of duties"));
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                documented.put(m.group(1), sorted(m.group(2)) + " -> " + m.group(3));
            }
        }
        Map<String, String> inCode = new LinkedHashMap<>();
        for (CaseTransition t : CaseTransition.values()) {
            inCode.put(t.name(), sorted(t.from().stream().map(Enum::name).collect(Collectors.joining(","))) + " -> "
                    + (t.to() == null ? "(unchanged)" : t.to().name()));
        }
        assertThat(documented).isEqualTo(inCode);
    }

    @Test
    void closedCaseTakesNoTransitionAtAll() {
        assertThat(CaseTransition.available(CaseStatus.CLOSED)).isEmpty();
    }

    @Test
    void escalatedCaseOnlyClosesWithItsEscalationOrRecordsASystemLift() {
        assertThat(CaseTransition.available(CaseStatus.ESCALATED))
                .containsExactlyInAnyOrder(CaseTransition.CLOSE_ESCALATION, CaseTransition.LIFT);
    }

    private static String sorted(String csv) {
        return String.join(",", new TreeSet<>(Arrays.stream(csv.split(",")).map(String::trim).toList()));
    }
}
