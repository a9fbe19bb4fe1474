package dev.warden.cases.rest;

import java.net.URI;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.warden.common.problem.Problem;

/** A lost race on a versioned row is the client's stale view, not a server fault: 409, never 500. */
public class ConcurrencyProblems {

    @ServerExceptionMapper(priority = 1)
    public Response optimistic(OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response stale(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    /** A unique index refused a second row (e.g. a second appeal filed concurrently for one decision). */
    @ServerExceptionMapper(priority = 1)
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return conflict(uri);
    }

    private static Response conflict(UriInfo uri) {
        Problem p = new Problem(URI.create("about:blank"), "Conflict", 409,
                "the resource was changed concurrently; reload it and retry", uri == null ? null : uri.getPath(),
                List.of());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
