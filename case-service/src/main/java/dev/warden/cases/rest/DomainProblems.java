package dev.warden.cases.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.DutyViolationException;
import dev.warden.cases.casework.IllegalTransitionException;
import dev.warden.cases.dsa.StatementRejectedException;
import dev.warden.cases.dsa.SubmissionNotConfiguredException;
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
    public Response duty(DutyViolationException e, UriInfo uri) {
        Problem p = new Problem(BLANK, "Forbidden", 403, e.getMessage(), path(uri), List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response statement(StatementRejectedException e, UriInfo uri) {
        Problem p = new Problem(BLANK, "Unprocessable Content", 422, e.getMessage(), path(uri), e.errors().stream()
                .map(f -> new Problem.FieldError("statementOfReasons." + f.field(), f.message())).toList());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response notConfigured(SubmissionNotConfiguredException e, UriInfo uri) {
        Problem p = new Problem(BLANK, "Conflict", 409, e.getMessage(), path(uri), List.of());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
