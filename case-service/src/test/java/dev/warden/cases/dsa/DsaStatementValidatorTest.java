package dev.warden.cases.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Transparency Database's rules, checked without a server: pure function over a map. */
class DsaStatementValidatorTest {

    static Map<String, Object> valid() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("decision_account", "DECISION_ACCOUNT_TERMINATED");
        s.put("account_type", "ACCOUNT_TYPE_PRIVATE");
        s.put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
        s.put("incompatible_content_ground", "Terms of Service, acceptable use");
        s.put("incompatible_content_explanation", "Bulk messaging to non-contacts");
        s.put("content_type", List.of("CONTENT_TYPE_TEXT"));
        s.put("category", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
        s.put("category_specification", List.of("KEYWORD_INAUTHENTIC_ACCOUNTS"));
        s.put("territorial_scope", List.of("DE", "GR"));
        s.put("content_date", "2026-11-01");
        s.put("application_date", "2026-11-02");
        s.put("decision_facts", "100 messages to 300 non-contacts in 60 s");
        s.put("source_type", "SOURCE_VOLUNTARY");
        s.put("automated_detection", "Yes");
        s.put("automated_decision", "AUTOMATED_DECISION_FULLY");
        s.put("puid", "warden-0b9c2a1e-9f7e-4c4a-8d65-3b0e0a1f2c3d");
        return s;
    }

    private static List<String> fieldsWithErrors(Map<String, Object> s) {
        return DsaStatementValidator.validate(s).stream().map(DsaStatementValidator.FieldError::field).toList();
    }

    @Test
    void acceptsACompleteStatement() {
        assertThat(DsaStatementValidator.validate(valid())).isEmpty();
    }

    @Test
    void requiresTheMandatoryFieldsAndTreatsBlankAsMissing() {
        for (String f : List.of("decision_ground", "content_type", "category", "content_date", "application_date",
                "decision_facts", "source_type", "automated_detection", "automated_decision", "puid")) {
            Map<String, Object> s = valid();
            s.remove(f);
            assertThat(fieldsWithErrors(s)).as(f).contains(f);
        }
        Map<String, Object> blank = valid();
        blank.put("decision_facts", "   ");
        assertThat(fieldsWithErrors(blank)).containsExactly("decision_facts");
    }

    @Test
    void needsAtLeastOneRestriction() {
        Map<String, Object> s = valid();
        s.remove("decision_account");
        assertThat(fieldsWithErrors(s)).containsExactly("decision_account");
        s.put("decision_provision", "DECISION_PROVISION_TOTAL_SUSPENSION");
        assertThat(fieldsWithErrors(s)).isEmpty();
        s.put("decision_visibility", List.of());
        assertThat(fieldsWithErrors(s)).isEmpty();
    }

    @Test
    void groundNeedsItsOwnTextFieldsWithinTheirLengths() {
        Map<String, Object> s = valid();
        s.remove("incompatible_content_explanation");
        assertThat(fieldsWithErrors(s)).containsExactly("incompatible_content_explanation");
        s = valid();
        s.put("incompatible_content_ground", "x".repeat(501));
        assertThat(fieldsWithErrors(s)).containsExactly("incompatible_content_ground");
        s = valid();
        s.put("incompatible_content_explanation", "ü".repeat(2000)); // characters, not bytes
        assertThat(fieldsWithErrors(s)).isEmpty();
        s.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(fieldsWithErrors(s)).containsExactly("illegal_content_legal_ground", "illegal_content_explanation");
        s = valid();
        s.put("decision_facts", "x".repeat(5001));
        assertThat(fieldsWithErrors(s)).containsExactly("decision_facts");
    }

    @Test
    void rejectsValuesOutsideTheEnumerations() {
        Map<String, Object> s = valid();
        s.put("decision_account", "DECISION_ACCOUNT_DELETED");
        s.put("category", "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"); // removed in the 2025 schema
        s.put("category_specification", List.of("KEYWORD_DISINFORMATION"));
        s.put("territorial_scope", List.of("EL"));
        s.put("automated_detection", "yes");
        s.put("content_type", "CONTENT_TYPE_TEXT");
        assertThat(fieldsWithErrors(s)).containsExactlyInAnyOrder("decision_account", "category",
                "category_specification", "territorial_scope", "automated_detection", "content_type");
    }

    @Test
    void otherValuesNeedTheirExplanation() {
        Map<String, Object> s = valid();
        s.put("content_type", List.of("CONTENT_TYPE_OTHER"));
        assertThat(fieldsWithErrors(s)).containsExactly("content_type_other");
        s.put("content_type_other", "Broadcast lists");
        assertThat(fieldsWithErrors(s)).isEmpty();
    }

    @Test
    void puidMustMatchThePatternAndLength() {
        for (String bad : List.of("warden 1", "warden/1", "wärden", "x".repeat(501), "abc\n")) {
            Map<String, Object> s = valid();
            s.put("puid", bad);
            assertThat(fieldsWithErrors(s)).as(bad).contains("puid");
        }
        Map<String, Object> s = valid();
        s.put("puid", "A-z_09");
        assertThat(fieldsWithErrors(s)).isEmpty();
    }

    @Test
    void datesMustBeYmdWithinTheirRanges() {
        Map<String, Object> s = valid();
        s.put("content_date", "1999-12-31");
        s.put("application_date", "2019-12-31");
        s.put("end_date_account_restriction", "2038-01-02");
        assertThat(fieldsWithErrors(s)).containsExactlyInAnyOrder("content_date", "application_date",
                "end_date_account_restriction");
        s = valid();
        s.put("application_date", "2026-2-3");
        s.put("content_date", "2026-02-30");
        assertThat(fieldsWithErrors(s)).containsExactlyInAnyOrder("application_date", "content_date");
        s = valid();
        s.put("content_date", "2000-01-01");
        s.put("application_date", "2038-01-01");
        s.put("end_date_account_restriction", "2010-01-01"); // no lower bound in the database's code
        assertThat(fieldsWithErrors(s)).isEmpty();
    }

    @Test
    void knowsAllSixtyNineKeywords() {
        assertThat(DsaVocabulary.CATEGORY_SPECIFICATION).hasSize(69).contains("KEYWORD_HIDDEN_ADVERTISEMENT", "KEYWORD_OTHER");
        assertThat(DsaVocabulary.CATEGORY).hasSize(16);
        assertThat(DsaVocabulary.EEA).hasSize(30);
    }
}
