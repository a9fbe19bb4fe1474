package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * bulk.coordinated-campaign: the account sends content that many other accounts send to strangers in the
 * same campaign window (one hour, hopping by 30 minutes). Each account alone stays small; together they are
 * bulk. Evaluated when the tracker's news arrives, at the event time of this account's own message in the
 * window ({@link #onCampaign}), so the result is a function of the event stream: never on a message.
 * One signal per account and cooldown period (aligned to the epoch): the id is derived from the period, so
 * hearing of the same campaign through several windows or fingerprints, in any order, yields one id.
 */
final class CoordinatedCampaignDetector implements Detector {

    static final String ID = "bulk.coordinated-campaign";
    private static final String PREVIOUS = ID + "#previous";

    private static final RuleDefinition DEFAULTS = new RuleDefinition(ID, 2, Violation.BULK_MESSAGING, true, 0.9,
            6 * 3600, Map.of(
            "minCampaignAccounts", 10.0,
            "minAccountAgeSeconds", 900.0),
            Map.of(),
            "Many accounts send the same content to non-contacts within an hour");

    @Override
    public RuleDefinition defaults() {
        return DEFAULTS;
    }

    /** Campaign news comes from the tracker, not from the account's own messages. */
    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        return Optional.empty();
    }

    static long signalPeriodStart(long windowStartMillis, RuleDefinition rule) {
        long period = Math.max(1, rule.cooldownSeconds()) * 1000;
        return Math.floorDiv(windowStartMillis, period) * period;
    }

    /**
     * @param accounts distinct senders of the fingerprint in the window
     * @param atMillis this account's earliest message of it in the window: the event time decided on
     */
    Optional<Finding> onCampaign(AccountState s, int accounts, long windowStartMillis, long atMillis,
            RuleDefinition rule) {
        if (accounts < rule.threshold("minCampaignAccounts") || business(s)) {
            return Optional.empty();
        }
        double age = s.registeredAtMillis == 0 ? -1 : (atMillis - s.registeredAtMillis) / 1000.0;
        // a young account belongs to the registration-burst rule, whose conclusive signal must come alone
        if (age >= 0 && age < rule.threshold("minAccountAgeSeconds")) {
            return Optional.empty();
        }
        // No silencing by the account's own conclusive findings here: the account keeps only its latest silence,
        // so whether an earlier one still covered atMillis would depend on how many of the account's later
        // messages were processed before the news came back. One signal per period keeps it idempotent.
        long period = signalPeriodStart(windowStartMillis, rule);
        Long last = s.lastFiredMillis.get(ID);
        Long previous = s.lastFiredMillis.get(PREVIOUS);
        if ((last != null && last == period) || (previous != null && previous == period)) {
            return Optional.empty(); // this period's signal was emitted already
        }
        if (last == null || period > last) {
            if (last != null) {
                s.lastFiredMillis.put(PREVIOUS, last);
            }
            s.lastFiredMillis.put(ID, period);
        } else {
            s.lastFiredMillis.put(PREVIOUS, period);
        }
        Check check = new Check()
                .atLeast("campaignAccounts", accounts, rule.threshold("minCampaignAccounts"))
                .atLeast("accountAgeSeconds", age < 0 ? Double.MAX_VALUE : age, rule.threshold("minAccountAgeSeconds"));
        String summary = String.format("sent content to non-contacts that %d other accounts sent to non-contacts within the same hour",
                accounts - 1);
        return Optional.of(new Finding(check.criteria, Detector.capped(rule.score()), summary, windowStartMillis,
                windowStartMillis + 3_600_000L));
    }

    private static boolean business(AccountState s) {
        return "BUSINESS".equals(s.accountType) || "BUSINESS_APP".equals(s.clientType)
                || "BUSINESS_API".equals(s.clientType);
    }
}
