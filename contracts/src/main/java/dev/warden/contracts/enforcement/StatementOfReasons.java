package dev.warden.contracts.enforcement;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A DSA statement of reasons with the field names of the EU Transparency Database API
 * ({@code POST /api/v1/statement}): the same JSON goes into {@link EnforcementEvent#statementOfReasons()}
 * and to the database. Absent fields are null (and omitted from the JSON). Schema:
 * {@code schemas/statement-of-reasons.v1.schema.json}; the database's conditional rules (which field a
 * ground or a restriction requires) are checked by case-service before it writes one.
 */
public record StatementOfReasons(
        @JsonProperty("decision_visibility") List<String> decisionVisibility,
        @JsonProperty("decision_visibility_other") String decisionVisibilityOther,
        @JsonProperty("decision_monetary") String decisionMonetary,
        @JsonProperty("decision_monetary_other") String decisionMonetaryOther,
        @JsonProperty("decision_provision") String decisionProvision,
        @JsonProperty("decision_account") String decisionAccount,
        @JsonProperty("account_type") String accountType,
        @JsonProperty("end_date_visibility_restriction") String endDateVisibilityRestriction,
        @JsonProperty("end_date_monetary_restriction") String endDateMonetaryRestriction,
        @JsonProperty("end_date_service_restriction") String endDateServiceRestriction,
        @JsonProperty("end_date_account_restriction") String endDateAccountRestriction,
        @JsonProperty("decision_ground") String decisionGround,
        @JsonProperty("decision_ground_reference_url") String decisionGroundReferenceUrl,
        @JsonProperty("illegal_content_legal_ground") String illegalContentLegalGround,
        @JsonProperty("illegal_content_explanation") String illegalContentExplanation,
        @JsonProperty("incompatible_content_ground") String incompatibleContentGround,
        @JsonProperty("incompatible_content_explanation") String incompatibleContentExplanation,
        @JsonProperty("incompatible_content_illegal") String incompatibleContentIllegal,
        @JsonProperty("content_type") List<String> contentType,
        @JsonProperty("content_type_other") String contentTypeOther,
        @JsonProperty("category") String category,
        @JsonProperty("category_addition") List<String> categoryAddition,
        @JsonProperty("category_specification") List<String> categorySpecification,
        @JsonProperty("category_specification_other") String categorySpecificationOther,
        @JsonProperty("territorial_scope") List<String> territorialScope,
        @JsonProperty("content_language") String contentLanguage,
        @JsonProperty("content_date") String contentDate,
        @JsonProperty("application_date") String applicationDate,
        @JsonProperty("content_id") Map<String, String> contentId,
        @JsonProperty("decision_facts") String decisionFacts,
        @JsonProperty("source_type") String sourceType,
        @JsonProperty("source_identity") String sourceIdentity,
        @JsonProperty("automated_detection") String automatedDetection,
        @JsonProperty("automated_decision") String automatedDecision,
        @JsonProperty("puid") String puid) {

    /** This statement with its free-text fields (the facts, the explanation) replaced by {@code marker}. */
    public StatementOfReasons withFreeText(String marker) {
        com.fasterxml.jackson.databind.node.ObjectNode n = dev.warden.contracts.json.WardenJson.mapper().valueToTree(this);
        for (String field : new String[] {"decision_facts", "incompatible_content_explanation"}) {
            if (n.hasNonNull(field)) {
                n.put(field, marker);
            }
        }
        return dev.warden.contracts.json.WardenJson.mapper().convertValue(n, StatementOfReasons.class);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets fields by name, so a statement reads like the database's field list. */
    public static final class Builder {
        private List<String> decisionVisibility;
        private String decisionVisibilityOther;
        private String decisionMonetary;
        private String decisionMonetaryOther;
        private String decisionProvision;
        private String decisionAccount;
        private String accountType;
        private String endDateVisibilityRestriction;
        private String endDateMonetaryRestriction;
        private String endDateServiceRestriction;
        private String endDateAccountRestriction;
        private String decisionGround;
        private String decisionGroundReferenceUrl;
        private String illegalContentLegalGround;
        private String illegalContentExplanation;
        private String incompatibleContentGround;
        private String incompatibleContentExplanation;
        private String incompatibleContentIllegal;
        private List<String> contentType;
        private String contentTypeOther;
        private String category;
        private List<String> categoryAddition;
        private List<String> categorySpecification;
        private String categorySpecificationOther;
        private List<String> territorialScope;
        private String contentLanguage;
        private String contentDate;
        private String applicationDate;
        private Map<String, String> contentId;
        private String decisionFacts;
        private String sourceType;
        private String sourceIdentity;
        private String automatedDetection;
        private String automatedDecision;
        private String puid;

        private Builder() {
        }

        public Builder decisionVisibility(List<String> v) { decisionVisibility = v; return this; }
        public Builder decisionVisibilityOther(String v) { decisionVisibilityOther = v; return this; }
        public Builder decisionMonetary(String v) { decisionMonetary = v; return this; }
        public Builder decisionMonetaryOther(String v) { decisionMonetaryOther = v; return this; }
        public Builder decisionProvision(String v) { decisionProvision = v; return this; }
        public Builder decisionAccount(String v) { decisionAccount = v; return this; }
        public Builder accountType(String v) { accountType = v; return this; }
        public Builder endDateVisibilityRestriction(String v) { endDateVisibilityRestriction = v; return this; }
        public Builder endDateMonetaryRestriction(String v) { endDateMonetaryRestriction = v; return this; }
        public Builder endDateServiceRestriction(String v) { endDateServiceRestriction = v; return this; }
        public Builder endDateAccountRestriction(String v) { endDateAccountRestriction = v; return this; }
        public Builder decisionGround(String v) { decisionGround = v; return this; }
        public Builder decisionGroundReferenceUrl(String v) { decisionGroundReferenceUrl = v; return this; }
        public Builder illegalContentLegalGround(String v) { illegalContentLegalGround = v; return this; }
        public Builder illegalContentExplanation(String v) { illegalContentExplanation = v; return this; }
        public Builder incompatibleContentGround(String v) { incompatibleContentGround = v; return this; }
        public Builder incompatibleContentExplanation(String v) { incompatibleContentExplanation = v; return this; }
        public Builder incompatibleContentIllegal(String v) { incompatibleContentIllegal = v; return this; }
        public Builder contentType(List<String> v) { contentType = v; return this; }
        public Builder contentTypeOther(String v) { contentTypeOther = v; return this; }
        public Builder category(String v) { category = v; return this; }
        public Builder categoryAddition(List<String> v) { categoryAddition = v; return this; }
        public Builder categorySpecification(List<String> v) { categorySpecification = v; return this; }
        public Builder categorySpecificationOther(String v) { categorySpecificationOther = v; return this; }
        public Builder territorialScope(List<String> v) { territorialScope = v; return this; }
        public Builder contentLanguage(String v) { contentLanguage = v; return this; }
        public Builder contentDate(String v) { contentDate = v; return this; }
        public Builder applicationDate(String v) { applicationDate = v; return this; }
        public Builder contentId(Map<String, String> v) { contentId = v; return this; }
        public Builder decisionFacts(String v) { decisionFacts = v; return this; }
        public Builder sourceType(String v) { sourceType = v; return this; }
        public Builder sourceIdentity(String v) { sourceIdentity = v; return this; }
        public Builder automatedDetection(String v) { automatedDetection = v; return this; }
        public Builder automatedDecision(String v) { automatedDecision = v; return this; }
        public Builder puid(String v) { puid = v; return this; }

        public StatementOfReasons build() {
            return new StatementOfReasons(decisionVisibility, decisionVisibilityOther, decisionMonetary,
                    decisionMonetaryOther, decisionProvision, decisionAccount, accountType,
                    endDateVisibilityRestriction, endDateMonetaryRestriction, endDateServiceRestriction,
                    endDateAccountRestriction, decisionGround, decisionGroundReferenceUrl, illegalContentLegalGround,
                    illegalContentExplanation, incompatibleContentGround, incompatibleContentExplanation,
                    incompatibleContentIllegal, contentType, contentTypeOther, category, categoryAddition,
                    categorySpecification, categorySpecificationOther, territorialScope, contentLanguage, contentDate,
                    applicationDate, contentId, decisionFacts, sourceType, sourceIdentity, automatedDetection,
                    automatedDecision, puid);
        }
    }
}
