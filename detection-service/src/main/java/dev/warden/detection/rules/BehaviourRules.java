package dev.warden.detection.rules;

import static dev.warden.detection.rules.BehaviourDetector.Criterion.atLeast;
import static dev.warden.detection.rules.BehaviourDetector.Criterion.atMost;
import static dev.warden.detection.rules.BehaviourDetector.definition;

import java.util.List;
import java.util.Map;

import dev.warden.contracts.signal.Violation;
import dev.warden.detection.features.Features;
import dev.warden.detection.rules.BehaviourDetector.Scale;

/**
 * The content-independent second lines of evidence: each violation class has a rule here that reads no
 * content fingerprint (rotating content is free for an abuser), over another time scale than its first
 * line, so that staying under one rule's thresholds is not enough.
 */
final class BehaviourRules {

    private static final long DAY = 24 * 3600;

    private BehaviourRules() {
    }

    static List<Detector> all() {
        return List.of(youngAccountOutreach(), dailyStrangerReach(), repeatedContentReach(), sustainedCadence(),
                roundTheClock(), broadcastReach(), reportsFromRecipients());
    }

    /** At registration, hour scale: the burst rule's minute window, spread out. Conclusive like the burst. */
    static Detector youngAccountOutreach() {
        return new BehaviourDetector(definition("bulk.young-account-outreach", Violation.BULK_MESSAGING, 0.96, DAY,
                Map.of("maxAccountAgeSeconds", 3600.0, "minMessagesLastHour", 20.0,
                        "minNonContactRecipientsLastHour", 40.0, "minNonContactShare", 0.9, "maxReplyShare", 0.05),
                "An account in its first hour messages many non-contacts, without replies"), Scale.HOUR,
                "%.0f s after registration: %.0f messages to %.0f non-contacts (share %.2f), reply share %.2f",
                atMost("accountAgeSeconds", f -> f.accountAgeSeconds() < 0 ? Double.MAX_VALUE : f.accountAgeSeconds(),
                        "maxAccountAgeSeconds"),
                atLeast("messagesLastHour", Features::messagesLastHour, "minMessagesLastHour"),
                atLeast("nonContactRecipientsLastHour", Features::nonContactRecipientsLastHour,
                        "minNonContactRecipientsLastHour"),
                atLeast("nonContactShare", Features::nonContactShare, "minNonContactShare"),
                atMost("replyShare", Features::replyShare, "maxReplyShare"));
    }

    /**
     * Bulk, day scale, regardless of content: the all-day slow spammer under every hourly limit. Direct
     * messages only: broadcast reach is the non-personal rules' evidence, not bulk messaging.
     */
    static Detector dailyStrangerReach() {
        return new BehaviourDetector(definition("bulk.daily-stranger-reach", Violation.BULK_MESSAGING, 0.85, DAY,
                Map.of("minDirectNonContactRecipientsLastDay", 150.0, "minNonContactShareLastDay", 0.8,
                        "maxReplyShareLastDay", 0.1, "minActiveHoursLastDay", 3.0),
                "Direct messages to many non-contacts over a day, whatever the content, without replies"), Scale.DAY,
                "%.0f non-contacts reached by direct messages in 24 h (share %.2f), reply share %.2f, active in %.0f hours",
                atLeast("directNonContactRecipientsLastDay", Features::directNonContactRecipientsLastDay,
                        "minDirectNonContactRecipientsLastDay"),
                atLeast("nonContactShareLastDay", Features::nonContactShareLastDay, "minNonContactShareLastDay"),
                atMost("replyShareLastDay", Features::replyShareLastDay, "maxReplyShareLastDay"),
                atLeast("activeHoursLastDay", Features::activeHoursLastDay, "minActiveHoursLastDay"));
    }

    /**
     * Bulk, day scale, per fingerprint: one text sent directly, mostly to non-contacts. The share of non-contacts
     * per copy of the text is what tells it from a person sending one invitation to their address book (mostly
     * contacts), so the counts can be low enough for a campaign member that sends a few dozen copies.
     */
    static Detector repeatedContentReach() {
        return new BehaviourDetector(definition("bulk.repeated-content-reach", 2, Violation.BULK_MESSAGING, 0.85, DAY,
                Map.of("minTopFingerprintMessages", 15.0, "minTopFingerprintNonContactRecipients", 15.0,
                        "minTopFingerprintNonContactsPerMessage", 0.5, "maxFanoutShare", 0.5),
                "One text sent directly to many non-contacts within a day, mostly to non-contacts"), Scale.DAY,
                "one text sent %.0f times to %.0f non-contacts (%.2f per copy), broadcast/group share %.2f",
                atLeast("topFingerprintMessages", Features::topFingerprintMessages, "minTopFingerprintMessages"),
                atLeast("topFingerprintNonContactRecipients", Features::topFingerprintNonContactRecipients,
                        "minTopFingerprintNonContactRecipients"),
                atLeast("topFingerprintNonContactsPerMessage", f -> f.topFingerprintMessages() == 0 ? 0
                        : (double) f.topFingerprintNonContactRecipients() / f.topFingerprintMessages(),
                        "minTopFingerprintNonContactsPerMessage"),
                atMost("fanoutShare", Features::fanoutShare, "maxFanoutShare"));
    }

    /**
     * Automated, hour scale, looser than machine timing: a steady cadence with jitter, every 5 minutes. Scoped
     * to accounts that mostly write to contacts: scripted outreach to strangers is the bulk rules' violation.
     */
    static Detector sustainedCadence() {
        return new BehaviourDetector(definition("automated.sustained-cadence", Violation.AUTOMATED_BEHAVIOR, 0.85,
                6 * 3600, Map.of("minIntervals", 20.0, "maxIntervalCv", 0.5, "minMessagesLastHour", 30.0,
                        "minActiveSlotsLastHour", 11.0, "maxReplyShare", 0.2, "maxNonContactShare", 0.5),
                "A steady sending cadence through every five minutes of an hour, few replies, mostly to contacts"),
                Scale.HOUR,
                "%.0f intervals with CV %.2f, %.0f messages in the hour, active in %.0f of 12 five-minute slots, reply share %.2f, non-contact share %.2f",
                atLeast("intervals", Features::intervals, "minIntervals"),
                atMost("intervalCv", f -> f.intervalCv() < 0 ? Double.MAX_VALUE : f.intervalCv(), "maxIntervalCv"),
                atLeast("messagesLastHour", Features::messagesLastHour, "minMessagesLastHour"),
                atLeast("activeSlotsLastHour", Features::activeSlotsLastHour, "minActiveSlotsLastHour"),
                atMost("replyShare", Features::replyShare, "maxReplyShare"),
                atMost("nonContactShare", Features::nonContactShare, "maxNonContactShare"));
    }

    /**
     * Automated, day scale: active in nearly every hour of a day (a person sleeps) *and* at a steady rhythm. Many
     * active hours alone is what a heavy human user with a big day produces too (a wedding's invitations plus the
     * day's chatting); a person's gaps between messages vary as much as their mean (CV near 1), a scheduler's do
     * not. Scoped like the cadence rule.
     */
    static Detector roundTheClock() {
        return new BehaviourDetector(definition("automated.round-the-clock", 2, Violation.AUTOMATED_BEHAVIOR, 0.85, DAY,
                Map.of("minActiveHoursLastDay", 20.0, "minMessagesLastDay", 200.0, "maxNonContactShareLastDay", 0.5,
                        "minIntervals", 20.0, "maxIntervalCv", 0.5),
                "A personal account sending in nearly every hour of a day at a steady rhythm, mostly to contacts"),
                Scale.DAY,
                "active in %.0f of the last 24 hours, %.0f messages, non-contact share %.2f, %.0f intervals with CV %.2f",
                atLeast("activeHoursLastDay", Features::activeHoursLastDay, "minActiveHoursLastDay"),
                atLeast("messagesLastDay", Features::messagesLastDay, "minMessagesLastDay"),
                atMost("nonContactShareLastDay", Features::nonContactShareLastDay, "maxNonContactShareLastDay"),
                atLeast("intervals", Features::intervals, "minIntervals"),
                atMost("intervalCv", f -> f.intervalCv() < 0 ? Double.MAX_VALUE : f.intervalCv(), "maxIntervalCv"));
    }

    /**
     * Non-personal, day scale, regardless of content: broadcast reach of a personal account. No reply share:
     * a broadcaster's few personal chats would dominate a per-message share.
     */
    static Detector broadcastReach() {
        return new BehaviourDetector(definition("nonpersonal.broadcast-reach", Violation.NON_PERSONAL_USE, 0.8, DAY,
                Map.of("minFanoutNonContactRecipientsLastDay", 300.0, "minNonContactShareLastDay", 0.8),
                "Broadcasts and groups from a personal account reach many non-contacts, whatever the content"),
                Scale.DAY, "broadcasts reached %.0f non-contacts in 24 h (share %.2f)",
                atLeast("fanoutNonContactRecipientsLastDay", Features::fanoutNonContactRecipientsLastDay,
                        "minFanoutNonContactRecipientsLastDay"),
                atLeast("nonContactShareLastDay", Features::nonContactShareLastDay, "minNonContactShareLastDay"));
    }

    /** Reported, day scale: distinct recipients reporting an account that mostly writes to strangers. */
    static Detector reportsFromRecipients() {
        return new BehaviourDetector(definition("reported.reports-from-strangers",
                Violation.USER_REPORTED, 0.6, 7 * DAY, Map.of("minDistinctReportersLastDay", 2.0,
                        "minNonContactRecipientsLastDay", 10.0, "minNonContactShareLastDay", 0.5),
                "Reports from several accounts within a day, on an account that mostly writes to non-contacts"),
                Scale.DAY, true, "reported by %.0f accounts in 24 h; %.0f non-contacts reached (share %.2f)",
                atLeast("distinctReportersLastDay", Features::distinctReportersLastDay, "minDistinctReportersLastDay"),
                atLeast("nonContactRecipientsLastDay", Features::nonContactRecipientsLastDay,
                        "minNonContactRecipientsLastDay"),
                atLeast("nonContactShareLastDay", Features::nonContactShareLastDay, "minNonContactShareLastDay"));
    }
}
