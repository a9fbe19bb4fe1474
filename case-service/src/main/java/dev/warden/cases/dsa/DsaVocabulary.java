package dev.warden.cases.dsa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The enumerations the EU DSA Transparency Database accepts (API v1 with the 1 July 2025 schema). The 69
 * category_specification keywords live in {@code dsa/category_specification.txt}.
 */
public final class DsaVocabulary {

    public static final Set<String> DECISION_VISIBILITY = Set.of("DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER");
    public static final Set<String> DECISION_MONETARY = Set.of("DECISION_MONETARY_SUSPENSION",
            "DECISION_MONETARY_TERMINATION", "DECISION_MONETARY_OTHER");
    public static final Set<String> DECISION_PROVISION = Set.of("DECISION_PROVISION_PARTIAL_SUSPENSION",
            "DECISION_PROVISION_TOTAL_SUSPENSION", "DECISION_PROVISION_PARTIAL_TERMINATION",
            "DECISION_PROVISION_TOTAL_TERMINATION");
    public static final Set<String> DECISION_ACCOUNT = Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED");
    public static final Set<String> ACCOUNT_TYPE = Set.of("ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE");
    public static final Set<String> DECISION_GROUND = Set.of("DECISION_GROUND_ILLEGAL_CONTENT",
            "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    public static final Set<String> CONTENT_TYPE = Set.of("CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");
    public static final Set<String> CATEGORY = Set.of("STATEMENT_CATEGORY_ANIMAL_WELFARE",
            "STATEMENT_CATEGORY_CONSUMER_INFORMATION", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
            "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
            "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
            "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
            "STATEMENT_CATEGORY_SELF_HARM", "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
            "STATEMENT_CATEGORY_VIOLENCE");
    public static final Set<String> CATEGORY_SPECIFICATION = load("dsa/category_specification.txt");
    public static final Set<String> SOURCE_TYPE = Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER",
            "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY");
    public static final Set<String> YES_NO = Set.of("Yes", "No");
    public static final Set<String> AUTOMATED_DECISION = Set.of("AUTOMATED_DECISION_FULLY",
            "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED");
    /** EU 27 + IS, LI, NO (Greece is GR). */
    public static final Set<String> EEA = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    private DsaVocabulary() {
    }

    private static Set<String> load(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (cl == null ? DsaVocabulary.class.getClassLoader() : cl).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Set<String> values = new LinkedHashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).forEach(values::add);
            return Set.copyOf(values);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
