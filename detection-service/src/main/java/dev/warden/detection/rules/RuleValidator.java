package dev.warden.detection.rules;

import java.util.Set;

import dev.warden.common.problem.ProblemException;

/**
 * Checks a proposed rule version against the detector's built-in definition: same id and violation,
 * exactly the threshold and weight names the detector reads, sane numbers. Throws RFC 9457 problems
 * naming the offending field.
 */
public final class RuleValidator {

    static final long MAX_COOLDOWN_SECONDS = 30L * 24 * 3600;

    private RuleValidator() {
    }

    public static void validate(RuleDefinition candidate, RuleDefinition builtIn) {
        if (candidate.violation() == null || candidate.violation() != builtIn.violation()) {
            throw ProblemException.unprocessable("violation", "rule " + builtIn.id() + " detects "
                    + builtIn.violation() + "; it cannot be changed");
        }
        if (!(candidate.score() > 0 && candidate.score() <= 1)) {
            throw ProblemException.unprocessable("score", "must be greater than 0 and at most 1");
        }
        if (candidate.cooldownSeconds() < 0 || candidate.cooldownSeconds() > MAX_COOLDOWN_SECONDS) {
            throw ProblemException.unprocessable("cooldownSeconds", "must be between 0 and " + MAX_COOLDOWN_SECONDS);
        }
        if (candidate.thresholds() == null) {
            throw ProblemException.unprocessable("thresholds", "must name " + builtIn.thresholds().keySet());
        }
        names("thresholds", candidate.thresholds().keySet(), builtIn.thresholds().keySet());
        candidate.thresholds().forEach((name, value) -> {
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw ProblemException.unprocessable("thresholds." + name, "must be a finite number >= 0");
            }
        });
        if (RegistrationBurstDetector.ID.equals(builtIn.id())
                && candidate.thresholds().get("windowSeconds") > RegistrationBurstDetector.MAX_WINDOW_SECONDS) {
            throw ProblemException.unprocessable("thresholds.windowSeconds",
                    "must be at most " + (long) RegistrationBurstDetector.MAX_WINDOW_SECONDS);
        }
        Set<String> weightNames = builtIn.weights() == null ? Set.of() : builtIn.weights().keySet();
        if (candidate.weights() != null) {
            names("weights", candidate.weights().keySet(), weightNames);
            candidate.weights().forEach((name, value) -> {
                if (value == null || !Double.isFinite(value) || value < 0 || value > 1) {
                    throw ProblemException.unprocessable("weights." + name, "must be between 0 and 1");
                }
            });
        }
    }

    private static void names(String field, Set<String> given, Set<String> expected) {
        for (String name : given) {
            if (!expected.contains(name)) {
                throw ProblemException.unprocessable(field + "." + name, "unknown; this rule reads " + expected);
            }
        }
        for (String name : expected) {
            if (!given.contains(name)) {
                throw ProblemException.unprocessable(field + "." + name, "missing");
            }
        }
    }
}
