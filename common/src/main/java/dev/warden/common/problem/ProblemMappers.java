package dev.warden.common.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.warden.common.logging.LogSafe;

/** Turns every error the API can raise into RFC 9457 problem JSON; user errors never become 500s. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final URI BLANK = URI.create("about:blank");

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "Bad Request", detail, uri, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        String message = "malformed JSON: " + e.getOriginalMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = "body." + m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            message = e instanceof InvalidFormatException f
                    ? "value '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName()
                    : "invalid value: " + e.getOriginalMessage();
        }
        return respond(400, "Bad Request", field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    /** More specific than JsonProcessingException: must be named to win over Quarkus' built-in mapper. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        String title = r == null ? "Error" : r.getStatusInfo().getReasonPhrase();
        // JAX-RS wraps body-parsing failures; surface the JSON problem instead of a generic 400
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        // a typed query parameter that did not convert (common.rest.QueryParamConverters) names itself
        if (e.getCause() instanceof ProblemException p) {
            return domain(p, uri);
        }
        return respond(status, title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        // WebApplicationException never lands here: the more specific web() mapper takes it
        LOG.error("unexpected error serving " + (uri == null ? "?" : LogSafe.text(uri.getPath())), e);
        return respond(500, "Internal Server Error", "unexpected error; it has been logged", uri, List.of());
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem p = new Problem(BLANK, title, status, detail, uri == null ? null : uri.getPath(),
                new ArrayList<>(errors));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /**
     * Method-validation paths are "method.param[.property...]": a bean property is named by its own
     * path ("text", "items[2].reason"), a plain parameter by its name ("accountId").
     */
    private static String field(ConstraintViolation<?> v) {
        List<String> nodes = new ArrayList<>();
        v.getPropertyPath().forEach(n -> nodes.add(n.getIndex() != null && !nodes.isEmpty()
                ? n.getName() + "[" + n.getIndex() + "]" : n.getName()));
        if (nodes.size() <= 1) {
            return nodes.isEmpty() ? "body" : nodes.get(0);
        }
        if (nodes.size() == 2) {
            return nodes.get(1);
        }
        return String.join(".", nodes.subList(2, nodes.size()));
    }
}
