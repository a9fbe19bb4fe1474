package dev.warden.cases.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The transparency report's CSV never hands a spreadsheet a formula. */
class TransparencyCsvTest {

    @Test
    void cellsAProgramWouldReadAsFormulasAreNeutralised() {
        assertThat(TransparencyReport.csvCell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(TransparencyReport.csvCell("+1")).isEqualTo("'+1");
        assertThat(TransparencyReport.csvCell("-2")).isEqualTo("'-2");
        assertThat(TransparencyReport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TransparencyReport.csvCell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void ordinaryCellsStayAsTheyAreAndSeparatorsAreQuoted() {
        assertThat(TransparencyReport.csvCell("BULK_MESSAGING")).isEqualTo("BULK_MESSAGING");
        assertThat(TransparencyReport.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(TransparencyReport.csvCell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }
}
