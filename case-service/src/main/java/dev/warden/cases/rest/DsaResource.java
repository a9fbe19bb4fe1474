package dev.warden.cases.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.dsa.DsaExport;
import dev.warden.cases.dsa.DsaSubmissionClient;
import dev.warden.cases.dsa.TransparencyReport;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** DSA: statements of reasons by period (for the Transparency Database) and transparency-report counts. */
@Path("/api/legal/dsa")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.LEGAL)
public class DsaResource {

    private static final String REQUIRED = "is required (an RFC 3339 timestamp, e.g. 2026-01-01T00:00:00Z)";

    @Inject
    DsaExport export;

    @Inject
    DsaSubmissionClient submission;

    @Inject
    TransparencyReport report;

    @GET
    @Path("/statements")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statements of reasons decided in [from, to), as batches of at most 100 (page from 0)")
    public DsaExport.Batch statements(@QueryParam("from") @NotNull(message = REQUIRED) Instant from,
            @QueryParam("to") @NotNull(message = REQUIRED) Instant to,
            @QueryParam("page") @DefaultValue("0") @Min(0) Integer page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(DsaExport.MAX_BATCH) Integer size) {
        period(from, to);
        return export.batch(from, to, page, size);
    }

    @POST
    @Path("/submissions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit the period's unsubmitted statements to the configured Transparency Database")
    public DsaSubmissionClient.Result submit(@QueryParam("from") @NotNull(message = REQUIRED) Instant from,
            @QueryParam("to") @NotNull(message = REQUIRED) Instant to) {
        period(from, to);
        return submission.submitPending(from, to);
    }

    /** A statement whose submission gave up. */
    @RegisterForReflection
    public record FailedSubmission(String puid, java.util.UUID decisionId, Instant decidedAt, int attempts,
            String lastError, Instant failedAt) {
    }

    @GET
    @Path("/submissions/failed")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Statements whose submission gave up (refused by the database, or too many failed attempts)")
    public java.util.List<FailedSubmission> failed() {
        return submission.failed().stream().map(s -> new FailedSubmission(s.puid, s.decisionId, s.decidedAt,
                s.submissionAttempts, s.lastError, s.submissionFailedAt)).toList();
    }

    @POST
    @Path("/submissions/failed/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Put every failed statement back in line for the next submission")
    public java.util.Map<String, Integer> retryFailed() {
        return java.util.Map.of("requeued", submission.retryFailed());
    }

    @GET
    @Path("/transparency-report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Counts for a period: actions, violations, account types, automation, sources, median time to action (JSON or CSV)")
    public Response transparency(@QueryParam("from") @NotNull(message = REQUIRED) Instant from,
            @QueryParam("to") @NotNull(message = REQUIRED) Instant to,
            @QueryParam("format") @DefaultValue("json") String format) {
        period(from, to);
        TransparencyReport.Report r = report.report(from, to);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(TransparencyReport.csv(r), "text/csv").build();
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalid("format", "must be json or csv");
        }
        return Response.ok(r, MediaType.APPLICATION_JSON).build();
    }

    private static void period(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
    }
}
