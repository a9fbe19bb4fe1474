import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Helper of deploy/local/warden, run as a single-file program ({@code java WardenTool.java ...}) with
 * kafka-clients and the PostgreSQL driver from .warden/ on the class path. Sub-commands:
 * <ul>
 * <li>{@code topics} creates the Warden topics (explicit partition counts), checks them and creates the
 * ACLs of deploy/kafka/warden-acls.txt;</li>
 * <li>{@code pg-init} creates the services' databases;</li>
 * <li>{@code scenario} sends the fixed local scenario to warden.activity.v1 and follows it to bans and mails;</li>
 * <li>{@code smoke} runs the end-to-end checks of {@code warden --smoke}.</li>
 * </ul>
 * Errors end with one clear line on stderr and exit code 1, never a stack trace.
 * Configuration comes from system properties (see {@link #conf}).
 */
public class WardenTool {

    static final List<String> TOPICS = List.of("warden.activity.v1", "warden.signals.v1", "warden.enforcement.v1",
            "warden.notifications.v1");
    /** Written by detection beside the live signals; nobody consumes it as a decision, so no DLQ. */
    static final String SHADOW_TOPIC = "warden.signals.shadow.v1";
    static final String RULES_TOPIC = "warden.detection-rules.v1";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String conf(String key, String def) {
        return System.getProperty(key, def);
    }

    static String bootstrap() {
        return conf("kafka", "127.0.0.1:19092");
    }

    static String jdbc(String db) {
        return "jdbc:postgresql://127.0.0.1:" + conf("pg.port", "15432") + "/" + db;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 0) {
            fail("usage: WardenTool topics|pg-init|scenario|smoke");
        }
        try {
            switch (args[0]) {
                case "topics" -> topics();
                case "pg-init" -> pgInit();
                case "scenario" -> scenario();
                case "smoke" -> smoke();
                default -> fail("unknown command " + args[0]);
            }
        } catch (Failure f) {
            fail(f.getMessage());
        } catch (Exception e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.exit(0);
    }

    static final class Failure extends RuntimeException {
        Failure(String m) {
            super(m);
        }
    }

    static void fail(String message) {
        System.out.flush();
        System.err.println("ERROR: " + message);
        System.exit(1);
    }

    // ---------------------------------------------------------------------------------- topics

    /**
     * Client settings that authenticate as {@code user} (SCRAM-SHA-512; plaintext on loopback only), with
     * the local-only password of deploy/local/warden's Kafka users.
     */
    static Properties client(String user) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + user + "-local-secret\";");
        return p;
    }

    static Admin admin() {
        Properties p = client("admin");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(p);
    }

    static void topics() throws Exception {
        int partitions = Integer.parseInt(conf("partitions", "3"));
        List<String> names = new ArrayList<>();
        for (String t : TOPICS) {
            names.add(t);
            names.add(t + ".dlq");
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            names.add(RULES_TOPIC);
            names.add(SHADOW_TOPIC);
            List<NewTopic> create = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> RULES_TOPIC.equals(n)
                            // detection rules: latest version per rule id, read as a global store
                            ? new NewTopic(n, partitions, (short) 1).configs(Map.of("cleanup.policy", "compact"))
                            : new NewTopic(n, partitions, (short) 1)).toList();
            if (!create.isEmpty()) {
                try {
                    admin.createTopics(create).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new Failure("could not create topics: " + e.getCause().getMessage());
                    }
                }
            }
            Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS);
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                int p = d.get(n).partitions().size();
                if (p < partitions) {
                    throw new Failure("topic " + n + " has " + p + " partitions, expected at least " + partitions
                            + " (run deploy/local/warden --clean to start from scratch)");
                }
                sb.append(sb.isEmpty() ? "" : ", ").append(n).append('(').append(p).append(')');
            }
            int acls = applyAcls(admin);
            System.out.println((create.isEmpty() ? "" : "created " + create.size() + ", ") + acls + " ACLs, present: " + sb);
        }
    }

    /** Creates the ACLs of deploy/kafka/warden-acls.txt (idempotent); returns how many the file has. */
    static int applyAcls(Admin admin) throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(conf("acls", "deploy/kafka/warden-acls.txt")))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 5) {
                throw new Failure("bad line in the ACL file: " + line);
            }
            acls.add(new AclBinding(new ResourcePattern(ResourceType.valueOf(f[2]), f[4], PatternType.valueOf(f[3])),
                    new AccessControlEntry("User:" + f[0], "*", AclOperation.valueOf(f[1]), AclPermissionType.ALLOW)));
        }
        try {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new Failure("could not create the ACLs: " + e.getCause().getMessage());
        }
        return acls.size();
    }

    // ---------------------------------------------------------------------------------- pg-init

    static Connection db(String name) throws SQLException {
        Properties p = new Properties();
        p.put("user", conf("pg.user", "warden"));
        p.put("password", conf("pg.password", "warden"));
        p.put("connectTimeout", "5");
        return DriverManager.getConnection(jdbc(name), p);
    }

    static void pgInit() throws SQLException {
        List<String> made = new ArrayList<>();
        try (Connection c = db("postgres"); Statement s = c.createStatement()) {
            for (String name : List.of("warden_cases", "warden_notifications")) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + name + " OWNER warden");
                        made.add(name);
                    }
                }
            }
        }
        System.out.println(made.isEmpty() ? "databases present" : "created databases " + String.join(", ", made));
    }

    // ---------------------------------------------------------------------------------- scenario

    enum Kind { NORMAL, NEW_NORMAL, BULK, BOT, NEWSLETTER }

    record Account(String id, Kind kind, String email) {
        boolean violator() {
            return kind == Kind.BULK || kind == Kind.BOT;
        }
    }

    record Event(Instant at, String key, String json) {
    }

    /**
     * The fixed local scenario (until the simulator of the detection work replaces it): the same
     * population and behaviour every run (seeded), with account ids unique per run so that each run
     * produces fresh cases. Ground truth: bulk senders and bots violate the terms; normal users,
     * new normal users and (business) newsletter senders do not warrant an automatic ban.
     */
    static List<Account> population(String run) {
        int normal = Integer.parseInt(conf("scenario.normal", "2400"));
        int fresh = Integer.parseInt(conf("scenario.new", "300"));
        int bulk = Integer.parseInt(conf("scenario.bulk", "120"));
        int bots = Integer.parseInt(conf("scenario.bots", "120"));
        int news = Integer.parseInt(conf("scenario.newsletters", "60"));
        List<Account> list = new ArrayList<>();
        add(list, run, Kind.NORMAL, "user", normal);
        add(list, run, Kind.NEW_NORMAL, "newuser", fresh);
        add(list, run, Kind.BULK, "bulk", bulk);
        add(list, run, Kind.BOT, "bot", bots);
        add(list, run, Kind.NEWSLETTER, "shop", news);
        return list;
    }

    static void add(List<Account> list, String run, Kind kind, String prefix, int n) {
        for (int i = 1; i <= n; i++) {
            String local = prefix + "-" + i;
            list.add(new Account("acc:" + run + ":" + local, kind, local + "." + run + "@example.org"));
        }
    }

    static List<Event> events(List<Account> accounts, Instant start, Duration span, Random rnd) {
        List<Event> out = new ArrayList<>();
        long spanMs = span.toMillis();
        String[] countries = {"DE", "DE", "GB", "FR", "ES", "IT", "NL", "BR", "IN", "US"};
        String[] locales = {"de-DE", "de", "en-GB", "fr", "es", "it", "nl", "pt-BR", "en-IN", "en-US"};
        for (Account a : accounts) {
            int c = rnd.nextInt(countries.length);
            switch (a.kind()) {
                case NORMAL -> {
                    // long-standing private users: a few direct and group messages, mostly to contacts, replies
                    int n = 1 + rnd.nextInt(6);
                    for (int i = 0; i < n; i++) {
                        boolean group = rnd.nextInt(5) == 0;
                        int rc = group ? 3 + rnd.nextInt(20) : 1;
                        out.add(msg(a, start.plusMillis(rnd.nextLong(spanMs)), "OFFICIAL_APP", group ? "GROUP" : "DIRECT",
                                rc, Math.max(0, rc - rnd.nextInt(2)), rnd.nextInt(3) == 0, 0, rnd));
                    }
                    if (rnd.nextInt(200) == 0) {
                        out.add(report(a, start.plusMillis(rnd.nextLong(spanMs)), rnd));
                    }
                }
                case NEW_NORMAL -> {
                    // registered minutes ago, says hello to a handful of contacts
                    Instant reg = start.minusSeconds(60 + rnd.nextInt(600));
                    out.add(registered(a, reg, "PRIVATE", "OFFICIAL_APP", countries[c], locales[c]));
                    int n = 2 + rnd.nextInt(8);
                    for (int i = 0; i < n; i++) {
                        out.add(msg(a, start.plusMillis(rnd.nextLong(spanMs)), "OFFICIAL_APP", "DIRECT", 1,
                                rnd.nextInt(4) == 0 ? 0 : 1, rnd.nextBoolean(), 0, rnd));
                    }
                }
                case BULK -> {
                    // "registered five minutes ago, tried to send 100 messages in 15 seconds"
                    Instant reg = start.minusSeconds(30 + rnd.nextInt(600));
                    out.add(registered(a, reg, "PRIVATE", rnd.nextBoolean() ? "UNOFFICIAL_CLIENT" : "OFFICIAL_APP",
                            countries[c], locales[c]));
                    int n = 12 + rnd.nextInt(90);
                    Instant burst = start.plusMillis(rnd.nextLong(Math.max(1, spanMs - 20_000)));
                    long burstMs = 5_000 + rnd.nextInt(25_000);
                    String fp = hex(rnd, 16);
                    for (int i = 0; i < n; i++) {
                        int rc = 5 + rnd.nextInt(60);
                        out.add(msg(a, burst.plusMillis(i * burstMs / n), "UNOFFICIAL_CLIENT", rnd.nextBoolean() ? "BROADCAST" : "DIRECT",
                                rc, rnd.nextInt(2), false, rnd.nextInt(3), fp, rnd));
                    }
                }
                case BOT -> {
                    // established accounts driven by a script: machine-regular cadence, one stranger at a time
                    long every = 1_500 + rnd.nextInt(1_000);
                    Instant t = start.plusMillis(rnd.nextLong(5_000));
                    String fp = hex(rnd, 16);
                    for (int i = 0; t.isBefore(start.plus(span)); i++, t = t.plusMillis(every)) {
                        out.add(msg(a, t, "UNOFFICIAL_CLIENT", "DIRECT", 1, 0, false, 0, fp, rnd));
                    }
                }
                case NEWSLETTER -> {
                    // business accounts sending their newsletter through the business API
                    Instant reg = start.minusSeconds(60 + rnd.nextInt(600));
                    out.add(registered(a, reg, "BUSINESS", "BUSINESS_API", countries[c], locales[c]));
                    int n = 10 + rnd.nextInt(10);
                    Instant burst = start.plusMillis(rnd.nextLong(Math.max(1, spanMs - 20_000)));
                    String fp = hex(rnd, 16);
                    for (int i = 0; i < n; i++) {
                        int rc = 100 + rnd.nextInt(156);
                        out.add(msg(a, burst.plusMillis(i * 1_000L), "BUSINESS_API", "BROADCAST", rc, rnd.nextInt(rc / 4),
                                false, 0, fp, rnd));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Event::at));
        return out;
    }

    static Event registered(Account a, Instant at, String type, String client, String country, String locale) {
        return new Event(at, a.id(), "{\"eventId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"" + a.id()
                + "\",\"type\":\"ACCOUNT_REGISTERED\",\"occurredAt\":\"" + at + "\",\"accountType\":\"" + type
                + "\",\"clientType\":\"" + client + "\",\"country\":\"" + country + "\",\"contactEmail\":\"" + a.email()
                + "\",\"locale\":\"" + locale + "\"}");
    }

    static Event msg(Account a, Instant at, String client, String chat, int recipients, int inContacts, boolean reply,
            int forwards, Random rnd) {
        return msg(a, at, client, chat, recipients, inContacts, reply, forwards, hex(rnd, 16), rnd);
    }

    static Event msg(Account a, Instant at, String client, String chat, int recipients, int inContacts, boolean reply,
            int forwards, String fingerprint, Random rnd) {
        return new Event(at, a.id(), "{\"eventId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"" + a.id()
                + "\",\"type\":\"MESSAGE_SENT\",\"occurredAt\":\"" + at + "\",\"clientType\":\"" + client
                + "\",\"chatType\":\"" + chat + "\",\"recipientCount\":" + recipients + ",\"recipientsInContacts\":"
                + Math.min(inContacts, recipients) + ",\"contentFingerprint\":\"" + fingerprint + "\",\"forwardCount\":"
                + forwards + ",\"isReply\":" + reply + "}");
    }

    static Event report(Account a, Instant at, Random rnd) {
        return new Event(at, a.id(), "{\"eventId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"" + a.id()
                + "\",\"type\":\"USER_REPORT\",\"occurredAt\":\"" + at + "\",\"reporterAccountId\":\"acc:reporter-"
                + rnd.nextInt(1000) + "\",\"reportReason\":\"SPAM\"}");
    }

    static String hex(Random rnd, int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", rnd.nextInt(256)));
        }
        return sb.toString();
    }

    record Counts(long signals, long cases, long bans, long mailsSent, long mailsPending) {
    }

    static long count(Connection c, String sql, String like) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Counts counts(Connection cases, Connection notes, String like) throws SQLException {
        return new Counts(
                count(cases, "SELECT count(*) FROM signal WHERE account_id LIKE ?", like),
                count(cases, "SELECT count(*) FROM enforcement_case WHERE account_id LIKE ?", like),
                count(cases, "SELECT count(*) FROM account WHERE status = 'BANNED' AND id LIKE ?", like),
                count(notes, "SELECT count(*) FROM delivery WHERE status = 'SENT' AND account_id LIKE ?", like),
                count(notes, "SELECT count(*) FROM delivery WHERE status IN ('PENDING','FAILED') AND account_id LIKE ?", like));
    }

    static void scenario() throws Exception {
        String run = conf("run", Long.toString(System.currentTimeMillis() / 1000 % 100_000_000, 36));
        Path out = Path.of(conf("out", ".warden/run/scenario.properties"));
        long seed = Long.parseLong(conf("seed", "20261122"));
        Duration span = Duration.ofSeconds(Long.parseLong(conf("scenario.seconds", "60")));
        int rate = Integer.parseInt(conf("rate", "1500"));
        Duration settle = Duration.ofSeconds(Long.parseLong(conf("settle.seconds", "150")));
        boolean tty = "true".equals(conf("tty", System.console() != null ? "true" : "false"));
        long printEvery = tty ? 1_000_000_000L : 5_000_000_000L;

        Random rnd = new Random(seed);
        List<Account> accounts = population(run);
        // events happen "now": the scenario's minute ends at the moment the generator starts
        Instant start = Instant.now().minus(span);
        List<Event> events = events(accounts, start, span, rnd);
        Map<Kind, Long> byKind = new LinkedHashMap<>();
        accounts.forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
        System.out.printf("scenario run %s: %d accounts %s, %d events over %d s of event time%n", run, accounts.size(),
                byKind, events.size(), span.toSeconds());

        String like = "acc:" + run + ":%";
        // the messaging platform's own principal: it may write activity, nothing that decides
        Properties pp = client("platform");
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        pp.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        pp.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long expectedBans = accounts.stream().filter(a -> a.kind() == Kind.BULK).count();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp);
                Connection cases = db("warden_cases");
                Connection notes = db("warden_notifications")) {
            long lastPrint = 0;
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                producer.send(new ProducerRecord<>("warden.activity.v1", e.key(), e.json()), (md, ex) -> {
                    if (ex == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
                long due = t0 + (long) (i * 1e9 / rate);
                long now = System.nanoTime();
                if (due > now) {
                    Thread.sleep((due - now) / 1_000_000);
                }
                if (now - lastPrint > printEvery) {
                    lastPrint = now;
                    progress(tty, acked.get(), events.size(), counts(cases, notes, like), false);
                }
            }
            producer.flush();
            if (failed.get() > 0) {
                throw new Failure(failed.get() + " events could not be sent to Kafka");
            }
            // follow the chain until bans and mails stop moving (or the settle time is over)
            long deadline = System.nanoTime() + settle.toNanos();
            Counts c = counts(cases, notes, like);
            Counts prev = null;
            long stableSince = System.nanoTime();
            long lastPrinted = 0;
            while (System.nanoTime() < deadline) {
                c = counts(cases, notes, like);
                if (System.nanoTime() - lastPrinted > printEvery) {
                    lastPrinted = System.nanoTime();
                    progress(tty, acked.get(), events.size(), c, false);
                }
                if (!c.equals(prev)) {
                    prev = c;
                    stableSince = System.nanoTime();
                }
                boolean done = c.bans() >= expectedBans && c.mailsPending() == 0 && c.mailsSent() >= c.bans();
                if (done && System.nanoTime() - stableSince > 3_000_000_000L) {
                    break;
                }
                if (c.bans() > 0 && c.mailsPending() == 0 && System.nanoTime() - stableSince > 20_000_000_000L) {
                    break;
                }
                Thread.sleep(1_000);
            }
            progress(tty, acked.get(), events.size(), c, true);

            // ground truth vs. automatic bans
            Set<String> banned = new java.util.HashSet<>();
            try (var ps = cases.prepareStatement("SELECT id FROM account WHERE status = 'BANNED' AND id LIKE ?")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        banned.add(rs.getString(1));
                    }
                }
            }
            long tp = accounts.stream().filter(a -> a.violator() && banned.contains(a.id())).count();
            long fp = accounts.stream().filter(a -> !a.violator() && banned.contains(a.id())).count();
            long violators = accounts.stream().filter(Account::violator).count();
            Map<Kind, Long> bannedByKind = new LinkedHashMap<>();
            for (Kind k : Kind.values()) {
                bannedByKind.put(k, accounts.stream().filter(a -> a.kind() == k && banned.contains(a.id())).count());
            }
            double precision = banned.isEmpty() ? 0 : (double) tp / banned.size();
            double recall = violators == 0 ? 0 : (double) tp / violators;
            System.out.printf("ground truth: %d violators (bulk %d, bots %d); automatic bans by kind %s%n", violators,
                    byKind.getOrDefault(Kind.BULK, 0L), byKind.getOrDefault(Kind.BOT, 0L), bannedByKind);
            System.out.printf("automatic bans: precision %.2f (%d of %d correct, %d false positives), recall %.2f (%d of %d violators)%n",
                    precision, tp, banned.size(), fp, recall, tp, violators);
            if (c.cases() > c.bans()) {
                System.out.printf("review queue: %d open cases without automatic ban (e.g. business newsletters)%n",
                        c.cases() - c.bans());
            }

            // remember one banned account for the summary and the smoke checks
            Properties result = new Properties();
            result.setProperty("run", run);
            result.setProperty("events", Long.toString(acked.get()));
            result.setProperty("signals", Long.toString(c.signals()));
            result.setProperty("cases", Long.toString(c.cases()));
            result.setProperty("bans", Long.toString(c.bans()));
            result.setProperty("mails", Long.toString(c.mailsSent()));
            result.setProperty("precision", String.format("%.2f", precision));
            result.setProperty("recall", String.format("%.2f", recall));
            try (var ps = cases.prepareStatement("SELECT c.id, a.id, a.contact_email, a.locale FROM enforcement_case c "
                    + "JOIN account a ON a.id = c.account_id WHERE a.status = 'BANNED' AND a.id LIKE ? "
                    + "ORDER BY c.opened_at LIMIT 1")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        result.setProperty("case", rs.getString(1));
                        result.setProperty("account", rs.getString(2));
                        result.setProperty("email", rs.getString(3) == null ? "" : rs.getString(3));
                        result.setProperty("locale", rs.getString(4) == null ? "" : rs.getString(4));
                    }
                }
            }
            try (var ps = cases.prepareStatement("SELECT c.id FROM enforcement_case c JOIN account a ON a.id = c.account_id "
                    + "WHERE a.status <> 'BANNED' AND a.id LIKE ? ORDER BY c.opened_at LIMIT 1")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        result.setProperty("review.case", rs.getString(1));
                    }
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (var w = Files.newBufferedWriter(out)) {
                result.store(w, "last scenario run (deploy/local/warden)");
            }
        }
    }

    static void progress(boolean tty, long sent, long total, Counts c, boolean last) {
        String line = String.format("  events %d/%d | signals %d | cases %d | bans %d | mails sent %d (pending %d)", sent,
                total, c.signals(), c.cases(), c.bans(), c.mailsSent(), c.mailsPending());
        if (tty) {
            System.out.print("\r" + line + "   " + (last ? "\n" : ""));
        } else {
            System.out.println(line);
        }
        System.out.flush();
    }

    // ---------------------------------------------------------------------------------- smoke

    static String kcUrl() {
        return conf("keycloak", "http://127.0.0.1:18180") + "/realms/warden/protocol/openid-connect/token";
    }

    static String token(String form) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(kcUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("cannot reach Keycloak at " + kcUrl() + " (" + e.getClass().getSimpleName() + ")");
        }
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new Failure("Keycloak refused the token request (" + r.statusCode() + "): " + r.body());
        }
        return m.group(1);
    }

    static String userToken(String user) throws IOException, InterruptedException {
        return token("grant_type=password&client_id=warden-cli&username=" + enc(user) + "&password=" + enc(user + "-local"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("cannot reach " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    static HttpResponse<String> postJson(String url, String token, String json) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("cannot reach " + url + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static void smoke() throws Exception {
        Path in = Path.of(conf("in", ".warden/run/scenario.properties"));
        Properties s = new Properties();
        try (var r = Files.newBufferedReader(in)) {
            s.load(r);
        }
        String casesUrl = conf("cases.url", "http://127.0.0.1:8082");
        String mailApi = conf("mail.api", "http://127.0.0.1:13081");
        List<String> failures = new ArrayList<>();
        Map<String, String> passed = new LinkedHashMap<>();

        long bans = Long.parseLong(s.getProperty("bans", "0"));
        String caseId = s.getProperty("case");
        String account = s.getProperty("account");
        String email = s.getProperty("email");
        check(passed, failures, "at least one automatic ban", bans >= 1 && caseId != null,
                bans + " bans in run " + s.getProperty("run") + (caseId == null ? "" : ", e.g. " + account));
        if (caseId == null) {
            report(passed, failures);
            return;
        }

        // the ban mail, read back from the mail catcher's REST API
        String mails = "";
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = get(mailApi + "/api/user/" + enc(email) + "/messages/INBOX", null);
            mails = r.statusCode() == 200 ? r.body() : "";
            if (mails.contains(caseId)) {
                break;
            }
            Thread.sleep(1_000);
        }
        // the mail is in the account holder's language (German accounts get "gesperrt", everybody else English)
        String banWord = s.getProperty("locale", "").toLowerCase(Locale.ROOT).startsWith("de") ? "gesperrt" : "banned";
        check(passed, failures, "ban mail in the catcher", mails.contains(caseId) && mails.toLowerCase(Locale.ROOT).contains(banWord),
                "to " + email + " (locale '" + s.getProperty("locale", "") + "'), mentions case " + caseId + " and \"" + banWord + "\"");

        String caseUrl = casesUrl + "/api/cases/" + caseId;
        String aliceToken = userToken("alice");
        HttpResponse<String> asAlice = get(caseUrl, aliceToken);
        check(passed, failures, "reviewer token (alice) accepted", asAlice.statusCode() == 200
                && asAlice.body().contains("\"BANNED\"") && asAlice.body().contains(account),
                "GET /api/cases/" + caseId + " -> " + asAlice.statusCode()
                        + (asAlice.statusCode() == 200 ? "" : " " + abbreviate(asAlice.body())));
        // notification-service reports the sent mail; case-service puts it on the case's timeline
        String detail = asAlice.body();
        for (int i = 0; i < 30 && !(detail.contains("\"template\":\"banned\"") && detail.contains("\"status\":\"SENT\"")); i++) {
            Thread.sleep(1_000);
            HttpResponse<String> r = get(caseUrl, aliceToken);
            detail = r.statusCode() == 200 ? r.body() : "";
        }
        check(passed, failures, "the ban mail is on the case's timeline",
                detail.contains("\"template\":\"banned\"") && detail.contains("\"status\":\"SENT\""),
                "GET /api/cases/" + caseId + " lists mails " + abbreviate(detail.contains("\"mails\"")
                        ? detail.substring(detail.indexOf("\"mails\"")) : "(none)"));
        // separation of duties: a reviewer alone cannot reverse an automatic ban (only a senior reviewer, or an appeal)
        HttpResponse<String> reversal = postJson(caseUrl + "/decisions", aliceToken,
                "{\"action\":\"REINSTATE\",\"reasonCode\":\"SMOKE_CHECK\",\"reasonText\":\"reviewer alone tries to reverse\"}");
        check(passed, failures, "a reviewer (alice) alone cannot reverse an automatic ban",
                (reversal.statusCode() == 403 || reversal.statusCode() == 409) && reversal.body().contains("\"detail\""),
                "POST /api/cases/" + caseId + "/decisions REINSTATE -> " + reversal.statusCode() + " " + abbreviate(reversal.body()));
        forgedSignalIsRefused(passed, failures, s.getProperty("run"));
        HttpResponse<String> apiMetrics = get(casesUrl + "/q/metrics", null);
        HttpResponse<String> mgmtMetrics = get(conf("cases.management.url", "http://127.0.0.1:9082") + "/q/metrics", null);
        check(passed, failures, "metrics only on the management port", apiMetrics.statusCode() == 404
                && mgmtMetrics.statusCode() == 200 && mgmtMetrics.body().contains("jvm_"),
                "API port /q/metrics -> " + apiMetrics.statusCode() + ", management port /q/metrics -> "
                        + mgmtMetrics.statusCode());
        HttpResponse<String> asNora = get(caseUrl, userToken("nora"));
        check(passed, failures, "token without a Warden role (nora) rejected", asNora.statusCode() == 403,
                "-> " + asNora.statusCode());
        HttpResponse<String> anonymous = get(caseUrl, null);
        check(passed, failures, "no token rejected", anonymous.statusCode() == 401, "-> " + anonymous.statusCode());
        String platform = token("grant_type=client_credentials&client_id=warden-platform&client_secret=platform-local-secret");
        HttpResponse<String> status = get(casesUrl + "/api/accounts/" + enc(account) + "/status", platform);
        check(passed, failures, "platform client (client credentials) reads the account status",
                status.statusCode() == 200 && status.body().contains("BANNED"),
                "GET /api/accounts/" + account + "/status -> " + status.statusCode() + " " + abbreviate(status.body()));
        report(passed, failures);
    }

    /**
     * What anyone who reaches the broker would try: a conclusive signal banning an account and mailing an
     * address of the writer's choosing. Without credentials the broker does not talk to the client; as
     * the platform it refuses the write; the topic holds nothing for the account and nobody is banned.
     */
    static void forgedSignalIsRefused(Map<String, String> passed, List<String> failures, String run) throws Exception {
        String victim = "acc:" + run + ":forged-victim";
        Instant now = Instant.now();
        String signal = "{\"signalId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"" + victim
                + "\",\"violation\":\"BULK_MESSAGING\",\"score\":0.99,\"ruleId\":\"registration-burst\",\"ruleVersion\":1,"
                + "\"window\":{\"start\":\"" + now.minusSeconds(60) + "\",\"end\":\"" + now + "\"},\"features\":{},"
                + "\"criteria\":[],\"sampleEventIds\":[],\"account\":{\"accountType\":\"PRIVATE\",\"contactEmail\":"
                + "\"attacker@example.org\",\"locale\":\"en\"},\"summary\":\"forged\",\"triggeredAt\":\"" + now
                + "\",\"detectedAt\":\"" + now + "\"}";
        Properties anonymous = new Properties();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        String withoutCredentials = forge(anonymous, victim, signal);
        String asPlatform = forge(client("platform"), victim, signal);
        long onTopic = recordsFor("warden.signals.v1", victim);
        long banned;
        try (Connection cases = db("warden_cases");
                var ps = cases.prepareStatement("SELECT count(*) FROM account WHERE id = ? AND status = 'BANNED'")) {
            ps.setString(1, victim);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                banned = rs.getLong(1);
            }
        }
        check(passed, failures, "forged signal refused, nobody banned",
                withoutCredentials != null && asPlatform != null && asPlatform.contains("TopicAuthorization")
                        && onTopic == 0 && banned == 0,
                "no credentials -> " + withoutCredentials + "; as platform -> " + asPlatform + "; records for " + victim
                        + " on warden.signals.v1: " + onTopic + ", banned: " + banned);
    }

    /** Sends one record; returns why it failed, or null if the broker took it. */
    static String forge(Properties config, String key, String value) {
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(config)) {
            p.send(new ProducerRecord<>("warden.signals.v1", key, value)).get(15, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** How many records keyed {@code key} the topic holds (read as the admin, from the beginning). */
    static long recordsFor(String topic, String key) {
        Properties p = client("admin");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        long n = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    static void check(Map<String, String> passed, List<String> failures, String name, boolean ok, String detail) {
        if (ok) {
            passed.put(name, detail);
            System.out.println("  PASS " + name + ": " + detail);
        } else {
            failures.add(name + ": " + detail);
            System.out.println("  FAIL " + name + ": " + detail);
        }
    }

    static void report(Map<String, String> passed, Collection<String> failures) {
        if (!failures.isEmpty()) {
            throw new Failure("smoke checks failed: " + String.join("; ", failures));
        }
        System.out.println("smoke checks passed (" + passed.size() + ")");
    }
}
