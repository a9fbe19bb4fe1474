package dev.warden.detection.rules;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One write to the rules topic, as the admin API makes it: the version, its status, who wrote it and
 * when, and the version it replaced. The active version is keyed by rule id, the shadow by
 * {@link #shadowKey}; a record without an actor did not come through the API and is skipped.
 *
 * @param previous   the version in force (or in shadow) before this write; the built-in one for a first change
 * @param proposedBy for a promotion: who put the version in shadow
 */
@RegisterForReflection
public record RuleRecord(RuleDefinition rule, RuleStatus status, String actor, Instant changedAt,
        RuleDefinition previous, String proposedBy) {

    public static final int MAX_ACTOR_LENGTH = 256;
    private static final String SHADOW_SUFFIX = "@shadow";

    public static String shadowKey(String ruleId) {
        return ruleId + SHADOW_SUFFIX;
    }

    /** The topic key this record belongs under. */
    public String key() {
        return status == RuleStatus.ACTIVE ? rule.id() : shadowKey(rule.id());
    }

    /** The rule id a topic key names, for either status. */
    public static String ruleId(String key) {
        return key.endsWith(SHADOW_SUFFIX) ? key.substring(0, key.length() - SHADOW_SUFFIX.length()) : key;
    }

    public static boolean isShadowKey(String key) {
        return key.endsWith(SHADOW_SUFFIX);
    }
}
