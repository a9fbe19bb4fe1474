package dev.warden.detection.backtest;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.signal.Violation;

/**
 * Labels from reviewers' decisions on {@code warden.enforcement.v1}. Only human decisions count: an
 * automated ban is detection's own output, and scoring the rules against it would be circular. The latest
 * human decision per account wins: BANNED / RESTRICTED / WARNED label the account with the case's
 * violation (no label when the violation is not named); DISMISSED, and REINSTATED of an account seen
 * banned before, label it benign. Other actions (escalation, appeals) say nothing about the truth.
 */
final class ReviewerLabels {

    private static final Set<EnforcementAction> SAYS_SOMETHING = EnumSet.of(EnforcementAction.BANNED,
            EnforcementAction.RESTRICTED, EnforcementAction.WARNED, EnforcementAction.DISMISSED,
            EnforcementAction.REINSTATED);

    private ReviewerLabels() {
    }

    static Labels of(List<EnforcementEvent> events) {
        List<EnforcementEvent> ordered = events.stream()
                .filter(e -> e.accountId() != null && e.action() != null && e.occurredAt() != null)
                .sorted(Comparator.comparing(EnforcementEvent::occurredAt)).toList(); // stable: ties keep topic order
        Set<String> banned = new HashSet<>();
        Map<String, Set<Violation>> truth = new HashMap<>();
        long human = 0;
        for (EnforcementEvent e : ordered) {
            String account = e.accountId();
            if (!e.automated() && SAYS_SOMETHING.contains(e.action())) {
                human++;
                switch (e.action()) {
                    case DISMISSED -> truth.put(account, Set.of());
                    case REINSTATED -> {
                        if (banned.contains(account)) {
                            truth.put(account, Set.of());
                        }
                    }
                    default -> violation(e).ifPresentOrElse(v -> truth.put(account, Set.of(v)), () -> truth.remove(account));
                }
            }
            if (e.action() == EnforcementAction.BANNED) {
                banned.add(account); // automated bans too: a person reversing one says it was wrong
            }
        }
        return new Labels(BacktestReport.LabelSource.REVIEWER_DECISIONS, truth, human);
    }

    private static Optional<Violation> violation(EnforcementEvent e) {
        try {
            return e.violation() == null ? Optional.empty() : Optional.of(Violation.valueOf(e.violation()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
