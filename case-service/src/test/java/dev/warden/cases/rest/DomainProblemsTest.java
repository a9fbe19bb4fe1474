package dev.warden.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.warden.cases.domain.DomainException;
import dev.warden.common.problem.Problem;

class DomainProblemsTest {

    private final DomainProblems mapper = new DomainProblems();

    @Test
    void mapsEachKindToTheStatusClientsKnow() {
        assertThat(List.of(DomainException.Kind.values()).stream().map(DomainProblems::status).toList())
                .containsExactly(404, 409, 403, 400, 422, 413, 503);
    }

    @Test
    void unprocessableInputBecomesA422ProblemNamingTheField() {
        Response r = mapper.domain(DomainException.unprocessable("caseIds", "must not contain duplicates"), null);

        assertThat(r.getStatus()).isEqualTo(422);
        Problem p = (Problem) r.getEntity();
        assertThat(p.title()).isEqualTo("Unprocessable Content");
        assertThat(p.detail()).isEqualTo("must not contain duplicates");
        assertThat(p.errors()).containsExactly(new Problem.FieldError("caseIds", "must not contain duplicates"));
    }
}
