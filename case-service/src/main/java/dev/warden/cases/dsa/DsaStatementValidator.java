package dev.warden.cases.dsa;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.warden.contracts.enforcement.StatementOfReasons;
import dev.warden.contracts.json.WardenJson;

/**
 * The Transparency Database's validation of one statement (POST /api/v1/statement), as its code enforces
 * it: required and conditional fields, lengths in characters, enumerations, Y-m-d dates within their
 * ranges, the puid pattern. Blank strings count as missing, as the database trims and nulls them.
 */
public final class DsaStatementValidator {

    public record FieldError(String field, String message) {
    }

    private static final Pattern PUID = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern EAN13 = Pattern.compile("^[0-9]{13}$");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate MAX_DATE = LocalDate.of(2038, 1, 1);
    private static final List<String> RESTRICTIONS = List.of("decision_visibility", "decision_monetary",
            "decision_provision", "decision_account");

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private DsaStatementValidator() {
    }

    /** Validates the statement's JSON form: exactly what the database receives. */
    public static List<FieldError> validate(StatementOfReasons s) {
        return validate(WardenJson.mapper().convertValue(s, JSON_OBJECT));
    }

    public static List<FieldError> validate(Map<String, Object> s) {
        List<FieldError> errors = new ArrayList<>();
        if (RESTRICTIONS.stream().noneMatch(f -> present(s.get(f)))) {
            errors.add(new FieldError("decision_account",
                    "one of decision_visibility, decision_monetary, decision_provision, decision_account is required"));
        }
        enumArray(s, "decision_visibility", DsaVocabulary.DECISION_VISIBILITY, false, errors);
        conditional(s, "decision_visibility_other", contains(s.get("decision_visibility"), "DECISION_VISIBILITY_OTHER"), 500, errors);
        enumValue(s, "decision_monetary", DsaVocabulary.DECISION_MONETARY, false, errors);
        conditional(s, "decision_monetary_other", "DECISION_MONETARY_OTHER".equals(s.get("decision_monetary")), 500, errors);
        enumValue(s, "decision_provision", DsaVocabulary.DECISION_PROVISION, false, errors);
        enumValue(s, "decision_account", DsaVocabulary.DECISION_ACCOUNT, false, errors);
        enumValue(s, "account_type", DsaVocabulary.ACCOUNT_TYPE, false, errors);
        enumValue(s, "decision_ground", DsaVocabulary.DECISION_GROUND, true, errors);
        maxLength(s, "decision_ground_reference_url", 500, errors);
        boolean illegal = "DECISION_GROUND_ILLEGAL_CONTENT".equals(s.get("decision_ground"));
        boolean incompatible = "DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(s.get("decision_ground"));
        conditional(s, "illegal_content_legal_ground", illegal, 500, errors);
        conditional(s, "illegal_content_explanation", illegal, 2000, errors);
        conditional(s, "incompatible_content_ground", incompatible, 500, errors);
        conditional(s, "incompatible_content_explanation", incompatible, 2000, errors);
        if (incompatible && s.containsKey("incompatible_content_illegal")) {
            enumValue(s, "incompatible_content_illegal", DsaVocabulary.YES_NO, true, errors);
        }
        enumArray(s, "content_type", DsaVocabulary.CONTENT_TYPE, true, errors);
        conditional(s, "content_type_other", contains(s.get("content_type"), "CONTENT_TYPE_OTHER"), 500, errors);
        enumValue(s, "category", DsaVocabulary.CATEGORY, true, errors);
        if (s.containsKey("category_addition")) {
            if (!(s.get("category_addition") instanceof Collection)) {
                errors.add(new FieldError("category_addition", "must be an array"));
            } else {
                enumArray(s, "category_addition", DsaVocabulary.CATEGORY, false, errors);
            }
        }
        enumArray(s, "category_specification", DsaVocabulary.CATEGORY_SPECIFICATION, false, errors);
        maxLength(s, "category_specification_other", 500, errors);
        enumArray(s, "territorial_scope", DsaVocabulary.EEA, false, errors);
        date(s, "content_date", true, LocalDate.of(2000, 1, 1), errors);
        date(s, "application_date", true, LocalDate.of(2020, 1, 1), errors);
        for (String f : List.of("end_date_account_restriction", "end_date_monetary_restriction",
                "end_date_service_restriction", "end_date_visibility_restriction")) {
            date(s, f, false, null, errors);
        }
        required(s, "decision_facts", errors);
        maxLength(s, "decision_facts", 5000, errors);
        enumValue(s, "source_type", DsaVocabulary.SOURCE_TYPE, true, errors);
        maxLength(s, "source_identity", 500, errors);
        enumValue(s, "automated_detection", DsaVocabulary.YES_NO, true, errors);
        enumValue(s, "automated_decision", DsaVocabulary.AUTOMATED_DECISION, true, errors);
        required(s, "puid", errors);
        Object puid = s.get("puid");
        if (present(puid)) {
            maxLength(s, "puid", 500, errors);
            if (!(puid instanceof String p) || !PUID.matcher(p).matches()) {
                errors.add(new FieldError("puid", "may contain only A-Z, a-z, 0-9, '-' and '_'"));
            }
        }
        Object ean = s.get("content_id") instanceof Map<?, ?> m ? m.get("EAN-13") : null;
        if (ean != null && !(ean instanceof String e && EAN13.matcher(e).matches())) {
            errors.add(new FieldError("content_id.EAN-13", "must be exactly 13 digits"));
        }
        return errors;
    }

    private static boolean present(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof String str) {
            return !str.isBlank();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    private static boolean contains(Object v, String value) {
        return v instanceof Collection<?> c && c.contains(value);
    }

    private static void required(Map<String, Object> s, String f, List<FieldError> errors) {
        if (!present(s.get(f))) {
            errors.add(new FieldError(f, "is required"));
        }
    }

    private static void conditional(Map<String, Object> s, String f, boolean triggered, int max, List<FieldError> errors) {
        if (triggered) {
            required(s, f, errors);
            maxLength(s, f, max, errors);
        }
    }

    private static void maxLength(Map<String, Object> s, String f, int max, List<FieldError> errors) {
        if (s.get(f) instanceof String str && str.codePointCount(0, str.length()) > max) {
            errors.add(new FieldError(f, "must be at most " + max + " characters"));
        }
    }

    private static void enumValue(Map<String, Object> s, String f, Set<String> allowed, boolean req, List<FieldError> errors) {
        Object v = s.get(f);
        if (!present(v)) {
            if (req) {
                errors.add(new FieldError(f, "is required"));
            }
        } else if (!(v instanceof String str) || !allowed.contains(str)) {
            errors.add(new FieldError(f, "'" + v + "' is not an allowed value"));
        }
    }

    private static void enumArray(Map<String, Object> s, String f, Set<String> allowed, boolean req, List<FieldError> errors) {
        Object v = s.get(f);
        if (!present(v)) {
            if (req) {
                errors.add(new FieldError(f, "is required (a non-empty array)"));
            }
            return;
        }
        if (!(v instanceof Collection<?> c)) {
            errors.add(new FieldError(f, "must be an array"));
            return;
        }
        for (Object e : c) {
            if (!(e instanceof String str) || !allowed.contains(str)) {
                errors.add(new FieldError(f, "'" + e + "' is not an allowed value"));
            }
        }
    }

    private static void date(Map<String, Object> s, String f, boolean req, LocalDate min, List<FieldError> errors) {
        Object v = s.get(f);
        if (!present(v)) {
            if (req) {
                errors.add(new FieldError(f, "is required"));
            }
            return;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(String.valueOf(v), YMD);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(f, "does not match the format YYYY-MM-DD"));
            return;
        }
        if (min != null && d.isBefore(min)) {
            errors.add(new FieldError(f, "must be on or after " + min));
        }
        if (d.isAfter(MAX_DATE)) {
            errors.add(new FieldError(f, "must be on or before " + MAX_DATE));
        }
    }
}
