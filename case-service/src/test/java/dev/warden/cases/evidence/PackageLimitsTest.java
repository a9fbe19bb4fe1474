package dev.warden.cases.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile packages sent for verification stop at the configured limits (%test: 8 MiB per entry, 20 MiB
 * in all, 1,000 entries), counted while inflating: small uploads that would inflate without bound.
 */
@QuarkusTest
class PackageLimitsTest {

    private static final String VERIFY = "/api/legal/evidence-packages/verify";

    @Test
    void anEntryInflatingBeyondTheEntryLimitIsRefusedWith413() throws IOException {
        byte[] bomb = zip(1, 9 << 20);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body(bomb)
                .when().post(VERIFY).then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("items/000001 inflates to more than"));
    }

    @Test
    void aPackageInflatingBeyondTheTotalLimitIsRefusedWith413() throws IOException {
        byte[] bomb = zip(3, 7 << 20);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body(bomb)
                .when().post(VERIFY).then().statusCode(413)
                .body("detail", containsString("the package inflates to more than"));
    }

    @Test
    void aPackageWithTooManyEntriesIsRefusedWith422() throws IOException {
        byte[] flood = zip(1_001, 1);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType("application/zip").body(flood)
                .when().post(VERIFY).then().statusCode(422).body("errors[0].field", equalTo("body"));
    }

    /** {@code entries} entries of {@code size} zero bytes each: they deflate to almost nothing. */
    private static byte[] zip(int entries, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[Math.min(size, 1 << 20)];
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 1; i <= entries; i++) {
                z.putNextEntry(new ZipEntry(String.format("items/%06d", i)));
                for (int written = 0; written < size; written += zeros.length) {
                    z.write(zeros, 0, Math.min(zeros.length, size - written));
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
