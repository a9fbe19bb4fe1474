package dev.warden.detection.rules;

/**
 * Where a rule version stands. ACTIVE decides signals; SHADOW runs next to it and writes to the shadow
 * topic only; WITHDRAWN ends a shadow (after promotion or on request).
 */
public enum RuleStatus {
    ACTIVE, SHADOW, WITHDRAWN
}
