package dev.warden.local;

import static dev.warden.local.Checks.abbreviate;
import static dev.warden.local.Http.enc;
import static dev.warden.local.Http.get;

import java.io.BufferedReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The end-to-end checks of {@code warden --smoke}, on the run that {@link ScenarioRun} recorded: the
 * automatic ban, its mail and timeline entry, the reviewer roles, metrics off the API port, the platform
 * client, and a forged signal refused by the broker.
 */
final class SmokeChecks {

    private static final int POLLS = 30;

    private SmokeChecks() {
    }

    static void run() throws Exception {
        Properties s = new Properties();
        try (BufferedReader r = Files.newBufferedReader(Path.of(Endpoints.conf("in", ".warden/run/scenario.properties")))) {
            s.load(r);
        }
        Checks checks = new Checks(System.out);
        long bans = Long.parseLong(s.getProperty("bans", "0"));
        String caseId = s.getProperty("case");
        String account = s.getProperty("account");
        String email = s.getProperty("email");
        if (checks.check("at least one automatic ban", bans >= 1 && caseId != null,
                bans + " bans in run " + s.getProperty("run") + (caseId == null ? "" : ", e.g. " + account))) {
            checkBannedAccount(checks, s, caseId, account, email);
        }
        checks.report();
    }

    private static void checkBannedAccount(Checks checks, Properties s, String caseId, String account, String email)
            throws Exception {
        String cases = Endpoints.cases();
        String mails = poll(() -> body(get(Endpoints.mailApi() + "/api/user/" + enc(email) + "/messages/INBOX", null)),
                m -> m.contains(caseId));
        String locale = s.getProperty("locale", "");
        String banWord = banWord(locale);
        checks.check("ban mail in the catcher", mails.contains(caseId) && mails.toLowerCase(Locale.ROOT).contains(banWord),
                "to " + email + " (locale '" + locale + "'), mentions case " + caseId + " and \"" + banWord + "\"");

        String caseUrl = cases + "/api/cases/" + caseId;
        String alice = Http.userToken("alice");
        HttpResponse<String> asAlice = get(caseUrl, alice);
        checks.check("reviewer token (alice) accepted", asAlice.statusCode() == 200
                && asAlice.body().contains("\"BANNED\"") && asAlice.body().contains(account),
                "GET /api/cases/" + caseId + " -> " + asAlice.statusCode()
                        + (asAlice.statusCode() == 200 ? "" : " " + abbreviate(asAlice.body())));
        // notification-service reports the sent mail; case-service puts it on the case's timeline
        String detail = poll(() -> body(get(caseUrl, alice)), SmokeChecks::mailOnTimeline);
        checks.check("the ban mail is on the case's timeline", mailOnTimeline(detail), "GET /api/cases/" + caseId
                + " lists mails " + abbreviate(detail.contains("\"mails\"") ? detail.substring(detail.indexOf("\"mails\"")) : "(none)"));
        // separation of duties: a reviewer alone cannot reverse an automatic ban (only a senior reviewer, or an appeal)
        HttpResponse<String> reversal = Http.postJson(caseUrl + "/decisions", alice,
                "{\"action\":\"REINSTATE\",\"reasonCode\":\"SMOKE_CHECK\",\"reasonText\":\"reviewer alone tries to reverse\"}");
        checks.check("a reviewer (alice) alone cannot reverse an automatic ban",
                (reversal.statusCode() == 403 || reversal.statusCode() == 409) && reversal.body().contains("\"detail\""),
                "POST /api/cases/" + caseId + "/decisions REINSTATE -> " + reversal.statusCode() + " " + abbreviate(reversal.body()));
        ForgedSignal.check(checks, s.getProperty("run"));
        HttpResponse<String> apiMetrics = get(cases + "/q/metrics", null);
        HttpResponse<String> mgmtMetrics = get(Endpoints.casesManagement() + "/q/metrics", null);
        checks.check("metrics only on the management port", apiMetrics.statusCode() == 404
                && mgmtMetrics.statusCode() == 200 && mgmtMetrics.body().contains("jvm_"),
                "API port /q/metrics -> " + apiMetrics.statusCode() + ", management port /q/metrics -> " + mgmtMetrics.statusCode());
        int asNora = get(caseUrl, Http.userToken("nora")).statusCode();
        checks.check("token without a Warden role (nora) rejected", asNora == 403, "-> " + asNora);
        int anonymous = get(caseUrl, null).statusCode();
        checks.check("no token rejected", anonymous == 401, "-> " + anonymous);
        String platform = Http.token("grant_type=client_credentials&client_id=warden-platform&client_secret=platform-local-secret");
        HttpResponse<String> status = get(cases + "/api/accounts/" + enc(account) + "/status", platform);
        checks.check("platform client (client credentials) reads the account status",
                status.statusCode() == 200 && status.body().contains("BANNED"),
                "GET /api/accounts/" + account + "/status -> " + status.statusCode() + " " + abbreviate(status.body()));
    }

    /** The word the ban mail uses in the account holder's language: German accounts get German, everybody else English. */
    static String banWord(String locale) {
        return locale.toLowerCase(Locale.ROOT).startsWith("de") ? "gesperrt" : "banned";
    }

    static boolean mailOnTimeline(String caseDetail) {
        return caseDetail.contains("\"template\":\"banned\"") && caseDetail.contains("\"status\":\"SENT\"");
    }

    interface Read {
        String get() throws InterruptedException;
    }

    /** Reads until {@code done} holds, once a second, at most {@value #POLLS} times; returns the last read. */
    private static String poll(Read read, Predicate<String> done) throws InterruptedException {
        String last = read.get();
        for (int i = 1; i < POLLS && !done.test(last); i++) {
            Thread.sleep(1_000);
            last = read.get();
        }
        return last;
    }

    private static String body(HttpResponse<String> r) {
        return r.statusCode() == 200 ? r.body() : "";
    }
}
