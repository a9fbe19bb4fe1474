package dev.warden.cases.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.evidence.pkg.EvidencePackageWriter;
import dev.warden.cases.evidence.verify.PackageVerifier;
import dev.warden.cases.evidence.verify.VerifyEvidencePackage;
import dev.warden.cases.legal.LegalFixtures;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EvidencePackageTest {

    @Inject
    LegalFixtures fixtures;

    @Inject
    EvidencePackageWriter writer;

    UUID caseId;
    String account;

    @BeforeEach
    void buildCase() {
        account = "acc-pkg-" + UUID.randomUUID();
        caseId = fixtures.openCase(account);
        // a second case of another account must never leak into this case's package
        UUID other = fixtures.openCase("acc-pkg-other-" + UUID.randomUUID());
        fixtures.note(other, "mallory", "OTHER CASE NOTE");
        fixtures.note(caseId, "alice", "Website offers <b>bulk</b> sends");
        given().auth().oauth2(WardenOidc.token("crawler", "platform")).contentType(ContentType.JSON)
                .body(LegalFixtures.offPlatformJson(OffPlatformEvidenceTest.PAGE, "https://news-blast.example/"))
                .when().post("/api/evidence/cases/{id}/off-platform", caseId).then().statusCode(201);
        fixtures.decide(caseId, DecisionAction.BAN, "alice", null);
    }

    private byte[] export() {
        return given().auth().oauth2(WardenOidc.token("lena", "legal"))
                .when().get("/api/legal/cases/{id}/evidence-package", caseId)
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static PackageVerifier.Report offline(byte[] zip) throws IOException {
        return PackageVerifier.verify(new ByteArrayInputStream(zip));
    }

    private static String name(Map<String, byte[]> entries, String prefix) {
        return entries.keySet().stream().filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void packageHoldsManifestEveryItemTheCaptureAndAReadableSummaryOfThisCaseOnly() throws IOException {
        byte[] zip = export();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).contains("manifest.json", "summary.html", "CHECKSUMS.sha256",
                "items/000001-SIGNAL.json", "items/000002-NOTE.json", "items/000003-OFF_PLATFORM.json",
                "items/000004-DECISION.json", "items/000005-STATEMENT_OF_REASONS.json", "captures/000003.bin");
        assertThat(entries.get("captures/000003.bin")).isEqualTo(OffPlatformEvidenceTest.PAGE);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains(caseId.toString(), account, "\"exportedBy\" : \"lena\"", "\"seq\" : 5");
        String summary = new String(entries.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("What was decided", "BAN", "alice", "Website offers &lt;b&gt;bulk&lt;/b&gt; sends",
                "https://news-blast.example/", "Timeline of evidence");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertThat(new String(e.getValue(), StandardCharsets.ISO_8859_1)).doesNotContain("OTHER CASE NOTE");
            if (e.getKey().startsWith("items/")) {
                assertThat(new String(e.getValue(), StandardCharsets.UTF_8)).startsWith("warden-evidence/1 case=" + caseId);
            }
        }
        PackageVerifier.Report r = offline(zip);
        assertThat(r.problems()).isEmpty();
        assertThat(r.intact()).isTrue();
        assertThat(r.items()).isEqualTo(5);
        assertThat(r.caseId()).isEqualTo(caseId.toString());
    }

    @Test
    void exportIsInTheCustodyLogWithTheHashOfTheBytesHandedOut() {
        byte[] zip = export();
        List<CustodyRecord> custody = QuarkusTransaction.requiringNew().call(() -> CustodyRecord.ofCase(caseId));
        assertThat(custody).filteredOn(r -> r.action == CustodyRecord.Action.EXPORT_PACKAGE).singleElement()
                .satisfies(r -> {
                    assertThat(r.actor).isEqualTo("lena");
                    assertThat(r.handedOutSha256).isEqualTo(Canonical.sha256(zip));
                });
    }

    @Test
    void exportRecordsStartedBeforeItsFirstByteThenCompleted() {
        export();
        List<CustodyRecord.Action> actions = QuarkusTransaction.requiringNew().call(() -> CustodyRecord.ofCase(caseId))
                .stream().map(r -> r.action).filter(a -> a.name().startsWith("EXPORT")).toList();
        assertThat(actions).containsExactly(CustodyRecord.Action.EXPORT_STARTED, CustodyRecord.Action.EXPORT_PACKAGE);
    }

    @Test
    void exportInterruptedMidStreamIsMarkedInterruptedInTheCustodyLog() {
        EvidencePackageWriter.CaseInfo info = QuarkusTransaction.requiringNew().call(() -> writer.describe(caseId));
        java.io.OutputStream brokenAfter1k = new java.io.OutputStream() {
            int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 1024) {
                    throw new IOException("client went away");
                }
            }
        };

        assertThatThrownBy(() -> writer.write(info, "lena", brokenAfter1k)).isInstanceOf(IOException.class);

        List<CustodyRecord> exports = QuarkusTransaction.requiringNew().call(() -> CustodyRecord.ofCase(caseId)).stream()
                .filter(r -> r.action.name().startsWith("EXPORT")).toList();
        assertThat(exports).extracting(r -> r.action)
                .containsExactly(CustodyRecord.Action.EXPORT_STARTED, CustodyRecord.Action.EXPORT_INTERRUPTED);
        assertThat(exports.get(1).actor).isEqualTo("lena");
        assertThat(exports.get(1).detail).contains("interrupted");
    }

    @Test
    void verificationEndpointSaysIntactForAnUntouchedPackage() {
        byte[] zip = export();
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body(zip)
                .when().post("/api/legal/evidence-packages/verify")
                .then().statusCode(200).body("intact", equalTo(true)).body("matchesLedger", equalTo(true))
                .body("items", equalTo(5)).body("caseId", equalTo(caseId.toString()));
    }

    @Test
    void alteringOneByteIsCaughtAndNamesTheItem() throws IOException {
        Map<String, byte[]> entries = unzip(export());
        String note = name(entries, "items/000002");
        byte[] bytes = entries.get(note).clone();
        bytes[bytes.length - 3] ^= 0x01;
        entries.put(note, bytes);
        byte[] tampered = zip(entries);

        PackageVerifier.Report r = offline(tampered);
        assertThat(r.intact()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.entry()).isEqualTo(note);
            assertThat(p.problem()).contains("altered");
        });
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body(tampered)
                .when().post("/api/legal/evidence-packages/verify")
                .then().statusCode(200).body("intact", equalTo(false)).body("problems.entry", org.hamcrest.Matchers.hasItem(note));
    }

    @Test
    void alteringTheCaptureIsCaught() throws IOException {
        Map<String, byte[]> entries = unzip(export());
        entries.put("captures/000003.bin", "<html>harmless</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(offline(zip(entries)).problems()).anySatisfy(p -> assertThat(p.entry()).isEqualTo("captures/000003.bin"));
    }

    @Test
    void droppingAnItemIsCaughtEvenWhenItsChecksumLineIsRemovedToo() throws IOException {
        Map<String, byte[]> entries = unzip(export());
        String dropped = name(entries, "items/000003");
        entries.remove(dropped);
        assertThat(offline(zip(entries)).problems()).anySatisfy(p -> {
            assertThat(p.entry()).isEqualTo(dropped);
            assertThat(p.problem()).contains("missing");
        });

        String checksums = new String(entries.get(PackageVerifier.CHECKSUMS), StandardCharsets.UTF_8);
        entries.put(PackageVerifier.CHECKSUMS, checksums.lines().filter(l -> !l.endsWith(dropped))
                .map(l -> l + "\n").reduce("", String::concat).getBytes(StandardCharsets.UTF_8));
        PackageVerifier.Report r = offline(zip(entries));
        assertThat(r.intact()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.entry()).startsWith("items/000004");
            assertThat(p.problem()).contains("stands where item 3 belongs");
        });
    }

    @Test
    void droppingTheLastItemConsistentlyIsCaughtByTheServer() throws IOException {
        Map<String, byte[]> entries = unzip(export());
        String last = name(entries, "items/000005");
        entries.remove(last);
        String checksums = new String(entries.get(PackageVerifier.CHECKSUMS), StandardCharsets.UTF_8);
        entries.put(PackageVerifier.CHECKSUMS, checksums.lines().filter(l -> !l.endsWith(last) && !l.endsWith("manifest.json"))
                .map(l -> l + "\n").reduce("", String::concat).getBytes(StandardCharsets.UTF_8));
        entries.remove("manifest.json");
        byte[] truncated = zip(entries);
        assertThat(offline(truncated).intact()).isTrue(); // self-consistent, so only the server can tell
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body(truncated)
                .when().post("/api/legal/evidence-packages/verify")
                .then().statusCode(200).body("intact", equalTo(false))
                .body("problems.problem", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("never handed out")));
    }

    @Test
    void reorderingItemsIsCaught() throws IOException {
        Map<String, byte[]> entries = unzip(export());
        // swap the contents of items 1 and 2 under their names, and reorder the checksum lines to match
        String a = name(entries, "items/000001");
        String b = name(entries, "items/000002");
        byte[] tmp = entries.get(a);
        entries.put(a, entries.get(b));
        entries.put(b, tmp);
        assertThat(offline(zip(entries)).problems()).extracting(PackageVerifier.Problem::entry).contains(a, b);

        Map<String, byte[]> original = unzip(export());
        List<String> lines = new ArrayList<>(new String(original.get(PackageVerifier.CHECKSUMS), StandardCharsets.UTF_8).lines().toList());
        int ia = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(name(original, "items/000002"))) {
                ia = i;
            }
        }
        String moved = lines.remove(ia);
        lines.add(ia + 1, moved); // item 2 listed after item 3
        original.put(PackageVerifier.CHECKSUMS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        PackageVerifier.Report r = offline(zip(original));
        assertThat(r.intact()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.problem()).contains("breaks the hash chain"));
    }

    @Test
    void commandLineVerifierRunsWithOnlyTheJdkOnItsClassPath() throws Exception {
        byte[] zip = export();
        Path dir = Files.createTempDirectory("evidence");
        Path good = Files.write(dir.resolve("good.zip"), zip);
        Map<String, byte[]> entries = unzip(zip);
        String note = name(entries, "items/000002");
        entries.put(note, "forged".getBytes(StandardCharsets.UTF_8));
        Path bad = Files.write(dir.resolve("bad.zip"), zip(entries));
        String classes = Path.of(VerifyEvidencePackage.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process ok = new ProcessBuilder(java, "-cp", classes, VerifyEvidencePackage.class.getName(), good.toString())
                .redirectErrorStream(true).start();
        String okOut = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ok.waitFor()).as(okOut).isZero();
        assertThat(okOut).startsWith("INTACT case=" + caseId);

        Process ko = new ProcessBuilder(java, "-cp", classes, VerifyEvidencePackage.class.getName(), bad.toString())
                .redirectErrorStream(true).start();
        String koOut = new String(ko.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ko.waitFor()).isEqualTo(1);
        assertThat(koOut).contains("ALTERED", note);
    }

    @Test
    void onlyLegalExportsAndVerifies() {
        given().when().get("/api/legal/cases/{id}/evidence-package", caseId).then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "platform", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/legal/cases/{id}/evidence-package", caseId)
                    .then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType("application/zip").body(new byte[] {1})
                    .when().post("/api/legal/evidence-packages/verify").then().statusCode(403);
        }
        given().contentType("application/zip").body(new byte[] {1}).when().post("/api/legal/evidence-packages/verify")
                .then().statusCode(401);
    }

    @Test
    void unknownCaseIs404AndGarbageIsNotIntact() {
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/cases/{id}/evidence-package", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body("not a zip".getBytes())
                .when().post("/api/legal/evidence-packages/verify")
                .then().statusCode(200).body("intact", equalTo(false));
    }
}
