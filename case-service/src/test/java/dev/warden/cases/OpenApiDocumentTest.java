package dev.warden.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The published OpenAPI document (on the management port) lists the reviewers' API. */
@QuarkusTest
class OpenApiDocumentTest {

    @TestHTTPResource(value = "/openapi", management = true) // management root path: /q
    URL openapi;

    @Test
    void openApiDocumentDescribesTheCaseManagementApi() {
        given().queryParam("format", "json").when().get(openapi).then().statusCode(200)
                .body("paths", hasKey("/api/cases"))
                .body("paths", hasKey("/api/cases/claim-next"))
                .body("paths", hasKey("/api/cases/{id}/decisions"))
                .body("paths", hasKey("/api/cases/bulk-decisions"))
                .body("paths", hasKey("/api/cases/{id}/assign"))
                .body("paths", hasKey("/api/cases/{id}/release"))
                .body("paths", hasKey("/api/policy"))
                .body("paths", hasKey("/api/policy/dry-run"))
                .body("paths", hasKey("/api/appeals"))
                .body("paths", hasKey("/api/appeals/{id}/decision"))
                .body("paths", hasKey("/api/audit"))
                .body("paths", hasKey("/api/accounts/{accountId}"));
    }
}
