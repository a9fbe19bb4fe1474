package dev.warden.detection.features;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountState.Hour;
import dev.warden.detection.account.AccountState.Second;
import dev.warden.detection.account.AccountState.Slot;
import dev.warden.detection.account.Buckets;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An account's behavioural features at one moment of event time, computed from its state. Three scales:
 * seconds (burst, minute), five-minute slots (the hour: 55-60 minutes) and hour buckets (the day: 23-24 h).
 */
@RegisterForReflection
public record Features(
        long atMillis,
        double accountAgeSeconds,
        String accountType,
        String clientType,
        int messagesLastMinute,
        int nonContactRecipientsLastMinute,
        int messagesLastHour,
        int recipientsLastHour,
        int nonContactRecipientsLastHour,
        double nonContactShare,
        double replyShare,
        double fanoutShare,
        double recipientsPerMessage,
        int forwardsLastHour,
        int topFingerprintMessages,
        int topFingerprintNonContactRecipients,
        int intervals,
        double intervalCv,
        int distinctReporters,
        int campaignAccounts,
        long hourWindowStartMillis,
        int fanoutNonContactRecipientsLastHour,
        int messagesLastDay,
        int nonContactRecipientsLastDay,
        double nonContactShareLastDay,
        double replyShareLastDay,
        int fanoutNonContactRecipientsLastDay,
        int activeHoursLastDay,
        long dayWindowStartMillis,
        int activeSlotsLastHour,
        int distinctReportersLastDay) {

    public static Features of(AccountState s, long atMillis) {
        long second = Math.floorDiv(atMillis, 1000);
        int minuteMessages = 0;
        int minuteStrangers = 0;
        // newest first: the list is sorted by second and holds up to three minutes, the window is one
        Buckets seconds = s.seconds;
        for (int i = seconds.size() - 1; i >= 0; i--) {
            long key = seconds.key(i);
            if (key <= second - 60) {
                break;
            }
            if (key <= second) {
                minuteMessages += seconds.count(i, Second.MESSAGES);
                minuteStrangers += seconds.count(i, Second.NON_CONTACT_RECIPIENTS);
            }
        }
        long slot = Math.floorDiv(second, AccountState.SLOT_SECONDS);
        long firstSlot = slot - 3600 / AccountState.SLOT_SECONDS + 1;
        int messages = 0;
        int recipients = 0;
        int strangers = 0;
        int replies = 0;
        int forwards = 0;
        int fanout = 0;
        int fanoutStrangers = 0;
        int activeSlots = 0;
        Buckets slots = s.slots;
        for (int i = 0; i < slots.size(); i++) {
            long key = slots.key(i);
            if (key >= firstSlot && key <= slot) {
                int m = slots.count(i, Slot.MESSAGES);
                messages += m;
                recipients += slots.count(i, Slot.RECIPIENTS);
                strangers += slots.count(i, Slot.NON_CONTACT_RECIPIENTS);
                replies += slots.count(i, Slot.REPLIES);
                forwards += slots.count(i, Slot.FORWARDS);
                fanout += slots.count(i, Slot.FANOUT_MESSAGES);
                fanoutStrangers += slots.count(i, Slot.FANOUT_NON_CONTACT_RECIPIENTS);
                activeSlots += m > 0 ? 1 : 0;
            }
        }
        long hour = Math.floorDiv(second, AccountState.HOUR_SECONDS);
        long firstHour = hour - 23;
        int dayMessages = 0;
        int dayRecipients = 0;
        int dayStrangers = 0;
        int dayReplies = 0;
        int dayFanoutStrangers = 0;
        int activeHours = 0;
        Buckets hours = s.hours;
        for (int i = 0; i < hours.size(); i++) {
            long key = hours.key(i);
            if (key >= firstHour && key <= hour) {
                int m = hours.count(i, Hour.MESSAGES);
                dayMessages += m;
                dayRecipients += hours.count(i, Hour.RECIPIENTS);
                dayStrangers += hours.count(i, Hour.NON_CONTACT_RECIPIENTS);
                dayReplies += hours.count(i, Hour.REPLIES);
                dayFanoutStrangers += hours.count(i, Hour.FANOUT_NON_CONTACT_RECIPIENTS);
                activeHours += m > 0 ? 1 : 0;
            }
        }
        int topMessages = 0;
        int topStrangers = 0;
        AccountState.Fingerprints fingerprints = s.fingerprints;
        for (int i = 0; i < fingerprints.size(); i++) {
            int m = fingerprints.messages(i);
            int fpStrangers = fingerprints.nonContactRecipients(i);
            if (m > topMessages || (m == topMessages && fpStrangers > topStrangers)) {
                topMessages = m;
                topStrangers = fpStrangers;
            }
        }
        int reporters = 0;
        int reportersDay = 0;
        for (AccountState.Reporter r : s.reporters) {
            if (r.atMillis > atMillis - FeatureUpdater.REPORT_MILLIS) {
                reporters++;
            }
            if (r.atMillis > atMillis - FeatureUpdater.DAY_MILLIS) {
                reportersDay++;
            }
        }
        return new Features(atMillis,
                s.registeredAtMillis == 0 ? -1 : (atMillis - s.registeredAtMillis) / 1000.0,
                s.accountType, s.clientType, minuteMessages, minuteStrangers, messages, recipients, strangers,
                share(strangers, recipients), share(replies, messages), share(fanout, messages),
                share(recipients, messages), forwards, topMessages, topStrangers, s.intervalsMillis.size(),
                coefficientOfVariation(s), reporters, s.campaignAccounts, firstSlot * AccountState.SLOT_SECONDS * 1000,
                fanoutStrangers, dayMessages, dayStrangers, share(dayStrangers, dayRecipients),
                share(dayReplies, dayMessages), dayFanoutStrangers, activeHours,
                firstHour * AccountState.HOUR_SECONDS * 1000, activeSlots, reportersDay);
    }

    /** Standard deviation over mean of the recent intervals: near 0 means machine-like timing. */
    private static double coefficientOfVariation(AccountState s) {
        AccountState.Intervals intervals = s.intervalsMillis;
        int n = intervals.size();
        if (n < 2) {
            return -1;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += intervals.get(k);
        }
        double mean = sum / n;
        if (mean <= 0) {
            return 0;
        }
        double sq = 0;
        for (int k = 0; k < n; k++) {
            double d = intervals.get(k) - mean;
            sq += d * d;
        }
        return Math.sqrt(sq / n) / mean;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Non-contacts reached by direct messages in 24 h (broadcast and group reach excluded). */
    public int directNonContactRecipientsLastDay() {
        return nonContactRecipientsLastDay - fanoutNonContactRecipientsLastDay;
    }

    public boolean business() {
        return "BUSINESS".equals(accountType) || "BUSINESS_APP".equals(clientType) || "BUSINESS_API".equals(clientType);
    }

    /** Numeric features by name, as they appear in signals and the features API. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accountAgeSeconds", accountAgeSeconds);
        m.put("messagesLastMinute", (double) messagesLastMinute);
        m.put("nonContactRecipientsLastMinute", (double) nonContactRecipientsLastMinute);
        m.put("messagesLastHour", (double) messagesLastHour);
        m.put("recipientsLastHour", (double) recipientsLastHour);
        m.put("nonContactRecipientsLastHour", (double) nonContactRecipientsLastHour);
        m.put("nonContactShare", round(nonContactShare));
        m.put("replyShare", round(replyShare));
        m.put("fanoutShare", round(fanoutShare));
        m.put("recipientsPerMessage", round(recipientsPerMessage));
        m.put("forwardsLastHour", (double) forwardsLastHour);
        m.put("topFingerprintMessages", (double) topFingerprintMessages);
        m.put("topFingerprintNonContactRecipients", (double) topFingerprintNonContactRecipients);
        m.put("intervals", (double) intervals);
        m.put("intervalCv", round(intervalCv));
        m.put("distinctReporters", (double) distinctReporters);
        m.put("campaignAccounts", (double) campaignAccounts);
        m.put("fanoutNonContactRecipientsLastHour", (double) fanoutNonContactRecipientsLastHour);
        m.put("messagesLastDay", (double) messagesLastDay);
        m.put("nonContactRecipientsLastDay", (double) nonContactRecipientsLastDay);
        m.put("nonContactShareLastDay", round(nonContactShareLastDay));
        m.put("replyShareLastDay", round(replyShareLastDay));
        m.put("fanoutNonContactRecipientsLastDay", (double) fanoutNonContactRecipientsLastDay);
        m.put("directNonContactRecipientsLastDay", (double) directNonContactRecipientsLastDay());
        m.put("activeHoursLastDay", (double) activeHoursLastDay);
        m.put("activeSlotsLastHour", (double) activeSlotsLastHour);
        m.put("distinctReportersLastDay", (double) distinctReportersLastDay);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
