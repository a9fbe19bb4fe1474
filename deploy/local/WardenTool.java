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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.simulator.Label;
import dev.warden.simulator.Persona;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.TrafficGenerator;

/**
 * Helper of deploy/local/warden, run as a single-file program ({@code java WardenTool.java ...}) with
 * the simulator module's jar and libraries, kafka-clients and the PostgreSQL driver on the class path. Sub-commands:
 * <ul>
 * <li>{@code topics} creates the Warden topics (explicit partition counts), checks them and creates the
 * ACLs of deploy/kafka/warden-acls.txt;</li>
 * <li>{@code pg-init} creates the services' databases;</li>
 * <li>{@code scenario} sends the simulator's default scenario to warden.activity.v1 and follows it to bans and mails;</li>
 * <li>{@code smoke} runs the end-to-end checks of {@code warden --smoke}.</li>
 * </ul>
 * Errors end with one clear line on stderr and exit code 1, never a stack trace.
 * Configuration comes from system properties (see {@link #conf}).
 */
public class WardenTool {

    static final List<String> TOPICS = List.of("warden.activity.v1", "warden.signals.v1", "warden.enforcement.v1",
            "warden.notifications.v1", "warden.erasures.v1");
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

    /**
     * The simulator's default scenario (same population and behaviour every run for a seed), one hour of
     * event time ending now, with a run prefix so that each run's account ids, and so its cases, are fresh.
     * Sent as the messaging platform's own Kafka principal; then followed to bans and mails.
     */
    static void scenario() throws Exception {
        String run = conf("run", Long.toString(System.currentTimeMillis() / 1000 % 100_000_000, 36));
        Path out = Path.of(conf("out", ".warden/run/scenario.properties"));
        Path labelsFile = Path.of(conf("labels", out.resolveSibling("labels.jsonl").toString()));
        long seed = Long.parseLong(conf("seed", "42"));
        int accounts = Integer.parseInt(conf("scenario.accounts", "3000"));
        Duration span = Duration.parse(conf("scenario.duration", "PT1H"));
        int rate = Integer.parseInt(conf("rate", "5000"));
        Duration settle = Duration.ofSeconds(Long.parseLong(conf("settle.seconds", "150")));
        boolean tty = "true".equals(conf("tty", System.console() != null ? "true" : "false"));
        long printEvery = tty ? 1_000_000_000L : 5_000_000_000L;

        Scenario scenario = Scenario.defaults(seed, accounts, Instant.now().minus(span)).withDuration(span).withRun(run);
        List<ActivityEvent> events = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        new TrafficGenerator(scenario).generate(events::add, labels::add);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (var w = Files.newBufferedWriter(labelsFile)) {
            for (Label l : labels) {
                w.write(WardenJson.write(l));
                w.newLine();
            }
        }
        Map<Persona, Long> byPersona = new TreeMap<>();
        labels.forEach(l -> byPersona.merge(l.persona(), 1L, Long::sum));
        System.out.printf("scenario run %s (simulator, seed %d): %d accounts %s, %d events over %s of event time; labels in %s%n",
                run, seed, accounts, byPersona, events.size(), span, labelsFile);

        String like = scenario.accountId(0).replaceAll("-0$", "-%");
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
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp);
                Connection cases = db("warden_cases");
                Connection notes = db("warden_notifications")) {
            long lastPrint = 0;
            for (int i = 0; i < events.size(); i++) {
                ActivityEvent e = events.get(i);
                producer.send(new ProducerRecord<>("warden.activity.v1", e.accountId(), WardenJson.write(e)), (md, ex) -> {
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
            Set<String> violators = new java.util.HashSet<>();
            Map<Persona, Long> bannedByPersona = new TreeMap<>();
            for (Label l : labels) {
                if (!l.violations().isEmpty()) {
                    violators.add(l.accountId());
                }
                if (banned.contains(l.accountId())) {
                    bannedByPersona.merge(l.persona(), 1L, Long::sum);
                }
            }
            long tp = banned.stream().filter(violators::contains).count();
            long fp = banned.size() - tp;
            double precision = banned.isEmpty() ? 0 : (double) tp / banned.size();
            double recall = violators.isEmpty() ? 0 : (double) tp / violators.size();
            System.out.printf("ground truth (labels): %d violators; automatic bans by persona %s%n", violators.size(),
                    bannedByPersona);
            System.out.printf("automatic bans: precision %.2f (%d of %d correct, %d false positives), recall %.2f (%d of %d violators)%n",
                    precision, tp, banned.size(), fp, recall, tp, violators.size());
            if (c.cases() > c.bans()) {
                System.out.printf("review queue: %d open cases without automatic ban (below the auto-ban level)%n",
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
            // a ban whose mail went out (accounts banned before their registration arrived have no address)
            try (var ps = notes.prepareStatement("SELECT case_id, account_id, recipient, locale FROM delivery "
                    + "WHERE template = 'banned' AND status = 'SENT' AND account_id LIKE ? ORDER BY created_at LIMIT 1")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        result.setProperty("case", rs.getString(1));
                        result.setProperty("account", rs.getString(2));
                        result.setProperty("email", rs.getString(3));
                        result.setProperty("locale", rs.getString(4));
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
