package dev.warden.common.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.warden.common.problem.ProblemException;
import dev.warden.common.problem.ProblemMappers;

/**
 * A 404 that JAX-RS raised because a query parameter did not convert (one {@link QueryParamConverters}
 * is not asked for: a value of a list) is a 400 naming that parameter; any other 404 stays a 404 problem.
 */
public class QueryParamProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        // a failed conversion wraps its cause; an unmatched path has none
        ProblemException invalid = e.getCause() == null || resource == null ? null
                : QueryParamConverters.invalidQueryParam(resource.getResourceMethod(), uri.getQueryParameters());
        return invalid == null ? problems.web(e, uri) : problems.domain(invalid, uri);
    }
}
