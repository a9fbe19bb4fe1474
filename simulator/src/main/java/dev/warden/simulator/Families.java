package dev.warden.simulator;

import java.time.Duration;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.activity.ReportReason;

/**
 * The families added after the first rules: adaptive abusers, evasion personas and legitimate heavy users.
 * Every rate, count and span is drawn per account from a range and scaled by the account's intensity
 * ({@link Scenario.Ranges}). Written from descriptions of the behaviour, not from the rules' thresholds,
 * except the evasion personas, whose whole point is to sit just under one rule on its axis.
 */
final class Families {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private Families() {
    }

    static void generate(Persona p, Script s, String groupContent, long groupStart) {
        switch (p) {
            case TEACHER -> teacher(s);
            case CUSTOMER_SERVICE -> customerService(s);
            case WEDDING -> wedding(s);
            case ANGRY_TARGET -> angryTarget(s);
            case ALL_DAY_SPAM -> allDaySpam(s);
            case ROTATING_SPAM -> strangerOutreach(s, s.scaled(40, 120), s.scaled(HOUR, 6 * HOUR), false);
            case ROTATING_NEWSLETTER -> rotatingNewsletter(s);
            case MICRO_CAMPAIGN -> microCampaign(s, groupContent, groupStart);
            case JITTER_BOT -> cadence(s, s.scaled(20_000, 90_000), s.uniform(0.15, 0.45), s.scaled(2 * HOUR, 12 * HOUR),
                    s.r.nextBoolean() ? ClientType.OFFICIAL_APP : ClientType.UNOFFICIAL_CLIENT);
            case EVADE_BURST -> evadeBurst(s);
            case EVADE_OUTREACH -> strangerOutreach(s, s.uniform(30, 38), s.scaled(6 * HOUR, 20 * HOUR), true);
            case EVADE_DAILY_SHARE -> evadeDailyShare(s);
            case EVADE_CLOCKWORK -> cadence(s, s.uniform(30_000, 80_000), s.uniform(0.2, 0.3), s.scaled(2 * HOUR, 8 * HOUR),
                    ClientType.UNOFFICIAL_CLIENT);
            case EVADE_PROMO -> evadePromo(s);
            case EVADE_CAMPAIGN -> evadeCampaign(s, groupContent, groupStart);
            default -> throw new IllegalArgumentException("not a family of this class: " + p);
        }
    }

    private static void registerOld(Script s) {
        s.register(-Duration.ofDays(30 + s.r.nextInt(2000)).toMillis(), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
    }

    /** A start in the span such that {@code span} still fits, or 0. */
    private static long start(Script s, double span) {
        long room = s.durationMs - (long) span;
        return room <= 0 ? 0 : s.r.nextLong(room);
    }

    /** A few ordinary messages to contacts: the abusers' own cover traffic. */
    private static void cover(Script s, int n) {
        for (int i = 0; i < n; i++) {
            s.message(s.r.nextLong(s.durationMs), ChatType.DIRECT, 1, 1, s.fingerprint(), 0, s.r.nextBoolean(),
                    ClientType.OFFICIAL_APP);
        }
    }

    // --- legitimate heavy users

    /** Broadcasts to parents (or club members) who saved the number, and answers their questions. */
    private static void teacher(Script s) {
        registerOld(s);
        int parents = 20 + s.r.nextInt(41);
        for (int i = s.scaledInt(3, 10); i > 0; i--) {
            int saved = (int) Math.round(parents * s.uniform(0.7, 1.0));
            s.message(s.r.nextLong(s.durationMs), ChatType.BROADCAST, parents, saved, s.fingerprint(), 0, false,
                    ClientType.OFFICIAL_APP);
        }
        for (int i = s.scaledInt(5, 30); i > 0; i--) {
            s.message(s.r.nextLong(s.durationMs), ChatType.DIRECT, 1, s.r.nextDouble() < 0.8 ? 1 : 0, s.fingerprint(),
                    0, s.r.nextDouble() < 0.7, ClientType.OFFICIAL_APP);
        }
    }

    /** A customer-service desk on the business API: all day, mostly strangers, mostly answers. */
    private static void customerService(Script s) {
        s.register(-Duration.ofDays(100 + s.r.nextInt(1000)).toMillis(), AccountType.BUSINESS, ClientType.BUSINESS_API);
        int n = s.scaledInt(300, 1500);
        for (int i = 0; i < n; i++) {
            s.message(s.r.nextLong(s.durationMs), ChatType.DIRECT, 1, s.r.nextDouble() < 0.2 ? 1 : 0, s.fingerprint(), 0,
                    s.r.nextDouble() < 0.7, ClientType.BUSINESS_API);
        }
    }

    /** One invitation text to the whole address book within an afternoon, a few of them not saved. */
    private static void wedding(Script s) {
        registerOld(s);
        String invitation = s.fingerprint();
        int guests = s.scaledInt(80, 250);
        double span = s.uniform(HOUR, 3 * HOUR);
        long at = start(s, span);
        for (int i = 0; i < guests; i++) { // by hand: at any moment of the afternoon, not on a clock
            boolean saved = s.r.nextDouble() < 0.9;
            s.message(at + (long) (s.r.nextDouble() * span), ChatType.DIRECT, 1, saved ? 1 : 0, invitation, 0, false,
                    ClientType.OFFICIAL_APP);
        }
        for (int i = s.scaledInt(10, 40); i > 0; i--) {
            s.message(s.r.nextLong(s.durationMs), ChatType.DIRECT, 1, 1, s.fingerprint(), 0, true, ClientType.OFFICIAL_APP);
        }
    }

    /** An ordinary person whom one angry acquaintance reports again and again. */
    private static void angryTarget(Script s) {
        registerOld(s);
        cover(s, s.scaledInt(10, 40));
        String angry = "angry-" + s.id;
        for (int i = s.scaledInt(5, 20); i > 0; i--) {
            s.report(s.r.nextLong(s.durationMs), angry, ReportReason.OTHER);
        }
    }

    // --- adaptive abusers

    /** One stranger every few minutes, around the clock, one or two texts. */
    private static void allDaySpam(Script s) {
        registerOld(s);
        double perHour = s.scaled(6, 30);
        String[] texts = {s.fingerprint(), s.fingerprint()};
        long at = s.r.nextLong(HOUR);
        for (int i = 0; at < s.durationMs; i++) {
            s.message(at, ChatType.DIRECT, 1, 0, texts[i % texts.length], 0, false, ClientType.OFFICIAL_APP);
            at += (long) (HOUR / perHour * s.uniform(0.6, 1.4));
        }
        cover(s, s.r.nextInt(5));
    }

    /** Messages to strangers at random times, a new text every time. */
    private static void strangerOutreach(Script s, double perHour, double span, boolean coverTraffic) {
        registerOld(s);
        long at = start(s, span);
        long end = at + (long) span;
        while (at < Math.min(end, s.durationMs)) {
            s.message(at, ChatType.DIRECT, 1 + (s.r.nextDouble() < 0.2 ? 1 : 0), 0, s.fingerprint(), 0, false,
                    ClientType.OFFICIAL_APP);
            at += (long) (-Math.log(1 - s.r.nextDouble()) * HOUR / perHour);
        }
        cover(s, coverTraffic ? s.r.nextInt(10) : s.r.nextInt(3));
    }

    /** A personal account broadcasting offers, a different text every time. */
    private static void rotatingNewsletter(Script s) {
        registerOld(s);
        double perHour = s.scaled(1, 4);
        double span = s.scaled(2 * HOUR, 10 * HOUR);
        long at = start(s, span);
        long end = at + (long) span;
        while (at < Math.min(end, s.durationMs)) {
            int recipients = (int) s.uniform(150, 400);
            s.message(at, ChatType.BROADCAST, recipients, (int) (recipients * s.uniform(0.02, 0.1)), s.fingerprint(), 0,
                    false, ClientType.OFFICIAL_APP);
            at += (long) (HOUR / perHour * s.uniform(0.5, 1.5));
        }
        cover(s, s.r.nextInt(5));
    }

    /** Many accounts, each a handful of copies of the campaign text to strangers, within the campaign's slot. */
    private static void microCampaign(Script s, String content, long groupStart) {
        s.register(-Duration.ofDays(1 + s.r.nextInt(60)).toMillis(), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
        long slot = (long) s.uniform(20 * MINUTE, 40 * MINUTE);
        for (int i = 1 + s.r.nextInt(4); i > 0; i--) {
            s.message(groupStart + s.r.nextLong(slot), ChatType.DIRECT, 1, 0, content, 0, false, ClientType.OFFICIAL_APP);
        }
        cover(s, s.r.nextInt(4));
    }

    /** A scheduler with jitter: mean interval, uniform jitter ± {@code jitter}, to contacts and groups. */
    private static void cadence(Script s, double interval, double jitter, double span, ClientType client) {
        s.register(-Duration.ofDays(10 + s.r.nextInt(1000)).toMillis(), AccountType.PRIVATE, client);
        long at = start(s, span);
        long end = at + (long) span;
        while (at < Math.min(end, s.durationMs)) {
            boolean group = s.r.nextDouble() < 0.3;
            int members = group ? 5 + s.r.nextInt(10) : 1;
            s.message(at, group ? ChatType.GROUP : ChatType.DIRECT, members, members, s.fingerprint(), 0, false, client);
            at += (long) (interval * (1 + jitter * (2 * s.r.nextDouble() - 1)));
        }
    }

    // --- evasion

    /** Registration burst kept under 10 messages and 50 strangers a minute, for many minutes. */
    private static void evadeBurst(Script s) {
        long registered = s.r.nextLong(Math.max(1, s.durationMs - 2 * HOUR));
        ClientType client = s.r.nextBoolean() ? ClientType.UNOFFICIAL_CLIENT : ClientType.OFFICIAL_APP;
        s.register(registered, AccountType.PRIVATE, client);
        long at = registered + 60_000 + s.r.nextLong(240_000);
        String spam = s.fingerprint();
        for (int minute = (int) s.uniform(5, 20); minute > 0; minute--) {
            for (int i = 0; i < 9; i++) {
                s.message(at + i * 6_500L, ChatType.DIRECT, 5, 0, spam, 0, false, client);
            }
            at += MINUTE + 1_000;
        }
    }

    /** Non-contact share kept under 0.8 with contact chatter; one text to strangers all day. */
    private static void evadeDailyShare(Script s) {
        registerOld(s);
        String text = s.fingerprint();
        double perHour = s.scaled(10, 30);
        double span = s.scaled(8 * HOUR, 20 * HOUR);
        long at = start(s, span);
        long end = at + (long) span;
        double share = s.uniform(0.7, 0.78);
        while (at < Math.min(end, s.durationMs)) {
            if (s.r.nextDouble() < share) {
                s.message(at, ChatType.DIRECT, 1, 0, text, 0, false, ClientType.OFFICIAL_APP);
            } else {
                s.message(at, ChatType.DIRECT, 1, 1, s.fingerprint(), 0, s.r.nextDouble() < 0.2, ClientType.OFFICIAL_APP);
            }
            at += (long) (-Math.log(1 - s.r.nextDouble()) * HOUR / perHour);
        }
    }

    /** Broadcast reach kept under 300 a day, but one offer repeated to the same kind of audience. */
    private static void evadePromo(Script s) {
        registerOld(s);
        String offer = s.fingerprint();
        for (int i = 3 + s.r.nextInt(2); i > 0; i--) {
            int recipients = (int) s.uniform(55, 70);
            s.message(s.r.nextLong(s.durationMs), ChatType.BROADCAST, recipients, (int) (recipients * 0.08), offer, 0,
                    false, ClientType.OFFICIAL_APP);
        }
        cover(s, s.r.nextInt(5));
    }

    /** A campaign of fewer than ten accounts, each sending at a rate only one account alone would. */
    private static void evadeCampaign(Script s, String content, long groupStart) {
        registerOld(s);
        double perHour = s.scaled(45, 70);
        double span = s.scaled(HOUR, 2 * HOUR);
        long at = groupStart;
        long end = at + (long) span;
        while (at < Math.min(end, s.durationMs)) {
            s.message(at, ChatType.DIRECT, 1, 0, content, 0, false, ClientType.OFFICIAL_APP);
            at += (long) (-Math.log(1 - s.r.nextDouble()) * HOUR / perHour);
        }
    }
}
