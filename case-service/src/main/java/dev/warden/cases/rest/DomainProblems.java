package dev.warden.cases.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.IllegalTransitionException;
import dev.warden.cases.domain.DomainException;
import dev.warden.cases.dsa.StatementRejectedException;
import dev.warden.common.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The REST edge of the domain's own exceptions: RFC 9457 problems, the only place they become HTTP. */
public class DomainProblems {

    private static final URI BLANK = URI.create("about:blank");

    /** A problem that also says where the case is and where it may go from there. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionProblem(URI type, String title, int status, String detail, String instance,
            CaseStatus currentStatus, CaseTransition attempted, List<CaseTransition> allowedTransitions) {
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        TransitionProblem p = new TransitionProblem(BLANK, "Conflict", 409, e.getMessage(), path(uri), e.current(),
                e.attempted(), e.allowed());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response statement(StatementRejectedException e, UriInfo uri) {
        Problem p = new Problem(BLANK, "Unprocessable Content", 422, e.getMessage(), path(uri), e.errors().stream()
                .map(f -> new Problem.FieldError("statementOfReasons." + f.field(), f.message())).toList());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** Every other domain refusal: the kind decides the status, the fields become {@code errors}. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Problem p = problem(e, path(uri));
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** The problem a refusal becomes; also for one that is only reported, as a preview reports the call's. */
    static Problem problem(DomainException e, String instance) {
        int status = status(e.kind());
        return new Problem(BLANK, title(status), status, e.getMessage(), instance, e.fields().stream()
                .map(f -> new Problem.FieldError(f.name(), f.message())).toList());
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_ALLOWED -> 403;
            case MALFORMED -> 400;
            case UNPROCESSABLE -> 422;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 403 -> "Forbidden";
            case 400 -> "Bad Request";
            case 422 -> "Unprocessable Content";
            case 413 -> "Content Too Large";
            default -> "Service Unavailable";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
