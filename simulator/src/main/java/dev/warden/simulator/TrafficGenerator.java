package dev.warden.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.activity.ReportReason;

/**
 * Generates each persona's activity over the scenario's event-time span. Every account draws from its
 * own Random seeded by (scenario seed, account index), so output is deterministic and the same in any
 * batch size. Accounts are produced in batches; within a batch events are in event-time order.
 */
public final class TrafficGenerator {

    /** Accounts per batch: bounds memory for a million accounts. */
    public static final int BATCH = 10_000;
    static final int CAMPAIGN_SIZE = 25;
    /** Many accounts, few messages each. */
    static final int MICRO_CAMPAIGN_SIZE = 40;
    /** Just under the campaign rule's ten accounts. */
    static final int EVADE_CAMPAIGN_SIZE = 8;
    private static final int VIRAL_POOL = 30;

    private final Scenario scenario;
    private final Persona[] personas;
    private final long durationMs;
    private final int[] ranks;
    private final int campaignAccounts;

    public TrafficGenerator(Scenario scenario) {
        this.scenario = scenario;
        this.personas = PersonaAssignment.assign(scenario);
        this.durationMs = scenario.duration().toMillis();
        this.ranks = PersonaAssignment.ranks(personas);
        this.campaignAccounts = (int) java.util.Arrays.stream(personas).filter(p -> p == Persona.CAMPAIGN).count();
    }

    public Label label(int index) {
        return Label.of(scenario.accountId(index), personas[index]);
    }

    /** Feeds every event, batch by batch, and every label. */
    public void generate(Consumer<ActivityEvent> events, Consumer<Label> labels) {
        for (int from = 0; from < scenario.accounts(); from += BATCH) {
            int to = Math.min(scenario.accounts(), from + BATCH);
            List<ActivityEvent> batch = new ArrayList<>();
            for (int i = from; i < to; i++) {
                labels.accept(label(i));
                batch.addAll(account(i));
            }
            batch.sort(Comparator.comparing(ActivityEvent::occurredAt));
            batch.forEach(events);
        }
    }

    /** One account's events (not sorted). */
    public List<ActivityEvent> account(int index) {
        Script s = new Script(scenario, index);
        switch (personas[index]) {
            case ORDINARY -> ordinary(s);
            case BUSINESS -> business(s);
            case LARGE_GROUP -> largeGroup(s);
            case NEWSLETTER -> newsletter(s);
            case FRESH_BOT -> freshBot(s);
            case SLOW_DRIP -> slowDrip(s);
            case AUTOMATION -> automation(s);
            case CAMPAIGN -> campaign(s, index);
            case MICRO_CAMPAIGN -> Families.generate(personas[index], s, groupContent(index, MICRO_CAMPAIGN_SIZE),
                    groupStart(index, MICRO_CAMPAIGN_SIZE));
            case EVADE_CAMPAIGN -> Families.generate(personas[index], s, groupContent(index, EVADE_CAMPAIGN_SIZE),
                    groupStart(index, EVADE_CAMPAIGN_SIZE));
            default -> Families.generate(personas[index], s, null, 0);
        }
        return s.events;
    }

    private void ordinary(Script s) {
        s.register(-days(s, 10, 2000), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
        int n = 3 + s.r.nextInt(28);
        for (int i = 0; i < n; i++) {
            everyday(s, s.r.nextLong(durationMs));
        }
        if (s.r.nextDouble() < 0.15) { // something happened: a burst of chatting with friends
            long at = s.r.nextLong(durationMs - 600_000);
            for (int i = 15 + s.r.nextInt(21); i > 0; i--) {
                everyday(s, at + s.r.nextLong(600_000));
            }
        }
        if (s.r.nextDouble() < 0.2) { // answering a marketplace ad: a stranger or two
            for (int i = 1 + s.r.nextInt(3); i > 0; i--) {
                s.message(s.r.nextLong(durationMs), ChatType.DIRECT, 1, 0, s.fingerprint(), 0, false, ClientType.OFFICIAL_APP);
            }
        }
        maybeReported(s, 0.03, 1, ReportReason.OTHER);
    }

    private void everyday(Script s, long at) {
        double p = s.r.nextDouble();
        if (p < 0.85) {
            s.message(at, ChatType.DIRECT, 1, 1, s.fingerprint(), 0, s.r.nextBoolean(), ClientType.OFFICIAL_APP);
        } else if (p < 0.94) {
            int members = 4 + s.r.nextInt(9);
            s.message(at, ChatType.GROUP, members, members, s.fingerprint(), 0, s.r.nextDouble() < 0.4, ClientType.OFFICIAL_APP);
        } else { // forwarding something viral to friends: the same fingerprint as many other accounts
            s.message(at, ChatType.DIRECT, 1, 1, viral(s), 1 + s.r.nextInt(5), false, ClientType.OFFICIAL_APP);
        }
    }

    private void business(Script s) {
        boolean api = s.r.nextBoolean();
        ClientType client = api ? ClientType.BUSINESS_API : ClientType.BUSINESS_APP;
        s.register(-days(s, 30, 1500), AccountType.BUSINESS, client);
        int n = 40 + s.r.nextInt(161);
        long step = durationMs / n;
        for (int i = 0; i < n; i++) {
            long at = api ? i * step + s.r.nextLong(Math.max(1, step / 50)) : s.r.nextLong(durationMs);
            boolean known = s.r.nextDouble() < 0.3;
            s.message(at, ChatType.DIRECT, 1, known ? 1 : 0, s.fingerprint(), 0, s.r.nextDouble() < 0.75, client);
        }
        if (s.r.nextDouble() < 0.2) { // the legitimate newsletter: opted-in customers, business client
            String issue = s.fingerprint();
            for (int i = 0; i < 3; i++) {
                s.message(s.r.nextLong(durationMs), ChatType.BROADCAST, 200, 40, issue, 0, false, client);
            }
        }
    }

    private void largeGroup(Script s) {
        s.register(-days(s, 30, 3000), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
        int members = 20 + s.r.nextInt(41);
        int known = (int) (members * (0.3 + 0.7 * s.r.nextDouble()));
        for (int i = 5 + s.r.nextInt(16); i > 0; i--) {
            s.message(s.r.nextLong(durationMs), ChatType.GROUP, members, known, s.fingerprint(), 0,
                    s.r.nextDouble() < 0.4, ClientType.OFFICIAL_APP);
        }
        for (int i = s.r.nextInt(8); i > 0; i--) {
            everyday(s, s.r.nextLong(durationMs));
        }
    }

    private void newsletter(Script s) {
        s.register(-days(s, 5, 900), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
        String issue = s.fingerprint();
        for (int i = 3 + s.r.nextInt(4); i > 0; i--) {
            int recipients = 100 + s.r.nextInt(151);
            int known = (int) (recipients * (0.05 + 0.15 * s.r.nextDouble()));
            s.message(s.r.nextLong(durationMs), ChatType.BROADCAST, recipients, known, issue, 0, false,
                    ClientType.OFFICIAL_APP);
        }
        for (int i = s.r.nextInt(4); i > 0; i--) {
            s.message(s.r.nextLong(durationMs), ChatType.DIRECT, 1, 1, s.fingerprint(), 0, false, ClientType.OFFICIAL_APP);
        }
        maybeReported(s, 0.3, 4, ReportReason.UNWANTED_COMMERCIAL);
    }

    private void freshBot(Script s) {
        long registered = s.r.nextLong(durationMs - 600_000);
        ClientType client = s.r.nextDouble() < 0.7 ? ClientType.UNOFFICIAL_CLIENT : ClientType.OFFICIAL_APP;
        s.register(registered, AccountType.PRIVATE, client);
        long start = registered + 30_000 + s.r.nextLong(270_000);
        int n = 50 + s.r.nextInt(101);
        long span = 10_000 + s.r.nextLong(30_000);
        String spam = s.fingerprint();
        for (int i = 0; i < n; i++) {
            int recipients = 1 + s.r.nextInt(5);
            s.message(start + i * span / n, s.r.nextBoolean() ? ChatType.BROADCAST : ChatType.DIRECT, recipients, 0,
                    spam, 0, false, client);
        }
        maybeReported(s, 0.4, 5, ReportReason.SPAM);
    }

    private void slowDrip(Script s) {
        s.register(-days(s, 3, 300), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
        String[] pitches = {s.fingerprint(), s.fingerprint()};
        long at = s.r.nextLong(180_000);
        for (int i = 0; at < durationMs; i++) { // 45-85 s apart: under any per-minute limit
            s.message(at, ChatType.DIRECT, 1, 0, pitches[i % 2], 0, false, ClientType.OFFICIAL_APP);
            at += 45_000 + s.r.nextLong(40_000);
        }
        maybeReported(s, 0.5, 5, ReportReason.SPAM);
    }

    private void automation(Script s) {
        s.register(-days(s, 10, 1000), AccountType.PRIVATE, ClientType.UNOFFICIAL_CLIENT);
        long interval = 30_000 + s.r.nextLong(50_000);
        long at = s.r.nextLong(120_000);
        while (at < durationMs) { // a scheduler: the same interval, a few percent of jitter
            boolean group = s.r.nextDouble() < 0.3;
            int members = group ? 5 + s.r.nextInt(10) : 1;
            s.message(at, group ? ChatType.GROUP : ChatType.DIRECT, members, members, s.fingerprint(), 0, false,
                    ClientType.UNOFFICIAL_CLIENT);
            at += interval + (long) (interval * 0.03 * (2 * s.r.nextDouble() - 1));
        }
    }

    private void campaign(Script s, int index) {
        s.register(-days(s, 1, 60), AccountType.PRIVATE, ClientType.OFFICIAL_APP);
        // members of one campaign share its content: the campaign is the index's group among campaign accounts
        int groups = Math.max(1, campaignAccounts / CAMPAIGN_SIZE); // the remainder joins the last campaign
        int group = Math.min(ranks[index] / CAMPAIGN_SIZE, groups - 1);
        String content = Long.toHexString(new Random(scenario.seed() * 7919 + group).nextLong() | 1L << 60);
        for (int i = 8 + s.r.nextInt(13); i > 0; i--) {
            s.message(s.r.nextLong(durationMs), ChatType.DIRECT, 1, 0, content, 0, false, ClientType.OFFICIAL_APP);
        }
        maybeReported(s, 0.2, 2, ReportReason.SPAM);
    }

    /** Members of one group (consecutive ranks within the persona) share content and a start time. */
    private String groupContent(int index, int size) {
        long group = ranks[index] / size;
        return Long.toHexString(new Random(scenario.seed() * 7727 + personas[index].ordinal() * 131L + group).nextLong()
                | 1L << 59);
    }

    private long groupStart(int index, int size) {
        long group = ranks[index] / size;
        Random r = new Random(scenario.seed() * 6841 + personas[index].ordinal() * 137L + group);
        return r.nextLong(Math.max(1, durationMs - 2 * 3_600_000L));
    }

    private void maybeReported(Script s, double probability, int maxReporters, ReportReason reason) {
        if (s.r.nextDouble() >= probability) {
            return;
        }
        for (int i = 1 + s.r.nextInt(maxReporters); i > 0; i--) {
            String reporter = scenario.accountId(s.r.nextInt(scenario.accounts()));
            s.add(ActivityEvent.builder(s.eventId(), s.id, ActivityType.USER_REPORT, s.at(s.r.nextLong(durationMs)))
                    .reporterAccountId(reporter).reportReason(reason).build());
        }
    }

    private String viral(Script s) {
        return Long.toHexString(new Random(scenario.seed() * 104729 + s.r.nextInt(VIRAL_POOL)).nextLong() | 1L << 61);
    }

    private static long days(Script s, int min, int max) {
        return Duration.ofDays(min + s.r.nextInt(max - min + 1)).toMillis() + s.r.nextLong(86_400_000);
    }
}
