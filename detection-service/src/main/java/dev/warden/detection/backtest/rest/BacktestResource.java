package dev.warden.detection.backtest.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.common.rest.PathIds;
import dev.warden.common.security.Roles;
import dev.warden.detection.backtest.BacktestRequest;
import dev.warden.detection.backtest.BacktestService;
import dev.warden.detection.backtest.BacktestView;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/rule-backtests")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class BacktestResource {

    @Inject
    BacktestService backtests;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replay the last hours of activity through candidate rules, apart from production")
    @APIResponse(responseCode = "202", description = "started; GET the Location until status is DONE or FAILED")
    @APIResponse(responseCode = "400", description = "malformed body or a missing field")
    @APIResponse(responseCode = "409", description = "a backtest is already running on this instance")
    @APIResponse(responseCode = "422", description = "an unknown or invalid rule, or more hours than the topic retains")
    public Response start(@NotNull @Valid BacktestRequest request) {
        BacktestView run = backtests.start(request, identity.getPrincipal().getName());
        return Response.accepted(run).location(URI.create("/api/rule-backtests/" + run.id())).build();
    }

    @GET
    @Path("/{backtestId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A backtest: RUNNING, DONE with per-rule counts, precision and recall, or FAILED")
    @APIResponse(responseCode = "404", description = "no such backtest on this instance, or a malformed id")
    public BacktestView get(@PathParam("backtestId") String backtestId) {
        return backtests.get(PathIds.uuid("backtest", backtestId));
    }
}
