package dev.warden.notify;

import dev.warden.testsupport.ApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the API × every role (401 / 403 / through), and bad JSON bodies refused naming the field. */
@QuarkusTest
class ApiContractTest extends ApiContract {
}
