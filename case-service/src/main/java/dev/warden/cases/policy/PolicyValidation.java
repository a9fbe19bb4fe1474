package dev.warden.cases.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.warden.cases.domain.DomainException;
import dev.warden.contracts.signal.Violation;

/** Checks a candidate rule list; every error names the offending field (rules[2].when.minScore). */
final class PolicyValidation {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Set<String> ACCOUNT_TYPES = Set.of("PRIVATE", "BUSINESS");

    private PolicyValidation() {
    }

    static void check(List<PolicyRule> rules) {
        if (rules == null || rules.isEmpty()) {
            throw DomainException.invalid("rules", "must contain at least one rule");
        }
        if (rules.size() > 100) {
            throw DomainException.invalid("rules", "must contain at most 100 rules");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String f = "rules[" + i + "]";
            PolicyRule r = rules.get(i);
            if (r == null) {
                throw DomainException.invalid(f, "must not be null");
            }
            if (r.id() == null || !ID.matcher(r.id()).matches()) {
                throw DomainException.invalid(f + ".id", "must be 1-64 characters of [a-z0-9-]");
            }
            if (!ids.add(r.id())) {
                throw DomainException.unprocessable(f + ".id", "duplicate rule id " + r.id());
            }
            if (r.description() != null && r.description().length() > 500) {
                throw DomainException.invalid(f + ".description", "must be at most 500 characters");
            }
            if (r.when() != null) {
                conditions(f + ".when", r.when());
            }
            outcome(f + ".then", r.then());
        }
    }

    private static void conditions(String f, PolicyRule.Conditions w) {
        if (w.violations() != null) {
            for (String v : w.violations()) {
                try {
                    Violation.valueOf(String.valueOf(v));
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid(f + ".violations", "unknown violation '" + v + "'");
                }
            }
        }
        if (w.accountTypes() != null && !ACCOUNT_TYPES.containsAll(w.accountTypes())) {
            throw DomainException.invalid(f + ".accountTypes", "must be PRIVATE or BUSINESS");
        }
        score(f + ".minScore", w.minScore());
        score(f + ".maxScore", w.maxScore());
        if (w.minScore() != null && w.maxScore() != null && w.minScore() >= w.maxScore()) {
            throw DomainException.unprocessable(f + ".maxScore", "must be greater than minScore");
        }
        if (w.minStrikes90d() != null && w.minStrikes90d() < 0) {
            throw DomainException.invalid(f + ".minStrikes90d", "must be >= 0");
        }
        if (w.maxStrikes90d() != null && w.maxStrikes90d() < 0) {
            throw DomainException.invalid(f + ".maxStrikes90d", "must be >= 0");
        }
        if (w.maxAccountAge() != null) {
            duration(f + ".maxAccountAge", w.maxAccountAge());
        }
    }

    private static void outcome(String f, PolicyRule.Outcome then) {
        if (then == null) {
            throw DomainException.invalid(f, "must not be null");
        }
        if (then.action() == null) {
            throw DomainException.invalid(f + ".action", "must be one of BAN, RESTRICT, WARN, REVIEW, PROPOSE_ESCALATION");
        }
        if (then.priority() != null && (then.priority() < 0 || then.priority() > 100)) {
            throw DomainException.invalid(f + ".priority", "must be within 0..100");
        }
        if (then.reasonCode() != null && !REASON.matcher(then.reasonCode()).matches()) {
            throw DomainException.invalid(f + ".reasonCode", "must be 2-64 characters of [A-Z0-9_]");
        }
        if (then.action() == PolicyAction.RESTRICT) {
            if (then.restrictFor() == null) {
                throw DomainException.invalid(f + ".restrictFor", "is required for RESTRICT");
            }
            duration(f + ".restrictFor", then.restrictFor());
        }
    }

    private static void score(String f, Double s) {
        if (s != null && (s < 0 || s > 1)) {
            throw DomainException.invalid(f, "must be within 0..1");
        }
    }

    private static Duration duration(String f, String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                throw DomainException.invalid(f, "must be a positive duration");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(f, "must be an ISO-8601 duration such as PT1H or P7D");
        }
    }
}
