package dev.warden.notify.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TemplatePreviewTest {

    @Test
    void adminPreviewsABanInGermanWithTheSampleStatementOfReasons() {
        // the sample's holder: no other test mails it, and other tests' mail may arrive meanwhile
        String holder = SampleEvents.forTemplate("banned", "de-DE").recipient().email();
        int before = WardenSmtp.receivedBy(holder).size();

        given().auth().oauth2(WardenOidc.tokenFor("admin")).queryParam("locale", "de-DE")
                .when().get("/api/templates/banned/preview")
                .then().statusCode(200)
                .body("template", equalTo("banned"))
                .body("locale", equalTo("de"))
                .body("subject", equalTo("Ihr Konto wurde gesperrt"))
                .body("text", containsString("Begründung der Entscheidung (Referenz sample-decision-1)"))
                .body("text", containsString("Ihr Konto wird dauerhaft geschlossen"))
                .body("html", containsString("<html lang=\"de\">"));

        // a preview is never sent
        org.assertj.core.api.Assertions.assertThat(WardenSmtp.receivedBy(holder)).hasSize(before);
    }

    @Test
    void previewFallsBackToEnglishForOtherLanguages() {
        given().auth().oauth2(WardenOidc.tokenFor("admin")).queryParam("locale", "fr")
                .when().get("/api/templates/restricted/preview")
                .then().statusCode(200)
                .body("locale", equalTo("en"))
                .body("subject", equalTo("Your account has been restricted"))
                .body("text", containsString("until 2026-11-29 10:15 UTC"));
    }

    @Test
    void adminListsEveryTemplate() {
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/templates")
                .then().statusCode(200).body("$", hasItems("warned", "restricted", "banned", "reinstated",
                        "appeal-received", "appeal-decided", "legal-escalation"));
    }

    @Test
    void onlyAdminsMayPreview() {
        for (String role : new String[] {"reviewer", "senior-reviewer", "legal", "platform"}) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/templates/banned/preview")
                    .then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/templates").then().statusCode(403);
        }
        given().when().get("/api/templates/banned/preview").then().statusCode(401);
        given().when().get("/api/templates").then().statusCode(401);
    }

    @Test
    void unknownTemplateIs404AndABadLocaleIs400NamingIt() {
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/templates/no-such-" + UUID.randomUUID()
                + "/preview").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(WardenOidc.tokenFor("admin")).queryParam("locale", "12 bad!")
                .when().get("/api/templates/banned/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("locale"));
    }
}
