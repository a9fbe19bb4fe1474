package dev.warden.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import dev.warden.common.problem.Problem;
import dev.warden.common.problem.ProblemException;

class QueryParamConvertersTest {

    private final QueryParamConverters provider = new QueryParamConverters();

    @SuppressWarnings("unused")
    void resource(@QueryParam("all") Boolean all, @QueryParam("size") Integer size, @QueryParam("score") Double score,
            @QueryParam("caseId") UUID caseId, @QueryParam("olderThan") Duration olderThan,
            @QueryParam("unit") List<TimeUnit> units, @QueryParam("from") Instant from,
            @QueryParam("text") String text, @PathParam("id") UUID id) {
    }

    @Test
    void aFlagIsTrueOrFalseInAnyCaseAndABareFlagIsAbsent() {
        ParamConverter<?> all = converter("all");

        assertThat(all.fromString("TRUE")).isEqualTo(true);
        assertThat(all.fromString("false")).isEqualTo(false);
        assertThat(all.fromString("")).isNull();
        assertThat(refusal(all, "garbage")).isEqualTo(new Problem.FieldError("all", "must be true or false"));
    }

    @Test
    void eachTypedValueThatDoesNotParseIsA400NamingTheParameter() {
        assertThat(converter("size").fromString("200")).isEqualTo(200);
        assertThat(refusal(converter("size"), "garbage").field()).isEqualTo("size");
        assertThat(refusal(converter("size"), "99999999999").field()).isEqualTo("size");
        assertThat(refusal(converter("score"), "NaN").field()).isEqualTo("score");
        assertThat(refusal(converter("caseId"), "not-a-uuid").field()).isEqualTo("caseId");
        assertThat(converter("olderThan").fromString("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(refusal(converter("olderThan"), "2 days").message()).contains("ISO-8601 duration");
    }

    @Test
    void aListValueThatDoesNotParseIsNamedBehindTheJaxRsNotFound() throws NoSuchMethodException {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.addAll("unit", "SECONDS", "FORTNIGHTS");

        ProblemException invalid = QueryParamConverters.invalidQueryParam(resourceMethod(), query);

        assertThat(invalid.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("unit");
            assertThat(e.message()).contains("'FORTNIGHTS'", "SECONDS");
        });
    }

    @Test
    void textListAndPathParametersKeepTheirJaxRsConversion() {
        assertThat(converter("text")).isNull();
        assertThat(converter("unit")).isNull();
        Parameter id = parameter("id");
        assertThat(provider.getConverter(id.getType(), id.getParameterizedType(), id.getAnnotations())).isNull();
    }

    @Test
    void theQueryParameterBehindAJaxRsNotFoundIsNamed() throws NoSuchMethodException {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add("size", "10");
        query.add("from", "yesterday");

        ProblemException invalid = QueryParamConverters.invalidQueryParam(resourceMethod(), query);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errors()).extracting(Problem.FieldError::field).containsExactly("from");
        query.putSingle("from", "2026-01-31T12:00:00Z");
        assertThat(QueryParamConverters.invalidQueryParam(resourceMethod(), query)).isNull();
    }

    private ParamConverter<?> converter(String name) {
        Parameter p = parameter(name);
        return provider.getConverter(p.getType(), p.getParameterizedType(), p.getAnnotations());
    }

    private static Problem.FieldError refusal(ParamConverter<?> converter, String value) {
        WebApplicationException e = catchThrowableOfType(WebApplicationException.class, () -> converter.fromString(value));
        assertThat(e.getResponse().getStatus()).isEqualTo(400);
        assertThat(e.getCause()).isInstanceOf(ProblemException.class);
        return ((ProblemException) e.getCause()).errors().get(0);
    }

    private static Parameter parameter(String name) {
        try {
            for (Parameter p : resourceMethod().getParameters()) {
                QueryParam q = p.getAnnotation(QueryParam.class);
                PathParam path = p.getAnnotation(PathParam.class);
                if ((q != null && q.value().equals(name)) || (path != null && path.value().equals(name))) {
                    return p;
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(name);
    }

    private static Method resourceMethod() throws NoSuchMethodException {
        return QueryParamConvertersTest.class.getDeclaredMethod("resource", Boolean.class, Integer.class, Double.class,
                UUID.class, Duration.class, List.class, Instant.class, String.class, UUID.class);
    }
}
