package dev.warden.cases.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.evidence.CustodyRecord;
import dev.warden.cases.evidence.pkg.EvidencePackageWriter;
import dev.warden.cases.evidence.pkg.PackageVerification;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

/** The legal team's evidence API: packages, their verification, and the chain of custody. */
@Path("/api/legal")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.LEGAL)
public class LegalEvidenceResource {

    @Inject
    EvidencePackageWriter writer;

    @Inject
    PackageVerification verification;

    @Inject
    SecurityIdentity identity;

    @RegisterForReflection
    public record CustodyView(long id, UUID caseId, String actor, String action, String detail, String chainHead,
            String handedOutSha256, Instant at) {
    }

    @GET
    @Path("/cases/{caseId}/evidence-package")
    @Produces("application/zip")
    @Operation(summary = "Stream the case's evidence package (ZIP: manifest.json, items, captures, summary.html, CHECKSUMS.sha256)")
    public Response export(@PathParam("caseId") UUID caseId) {
        EvidencePackageWriter.CaseInfo info = writer.describe(caseId);
        String exporter = identity.getPrincipal().getName();
        StreamingOutput body = out -> writer.write(info, exporter, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"evidence-" + caseId + ".zip\"").build();
    }

    @POST
    @Path("/evidence-packages/verify")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify an evidence package: intact, or which item was altered, dropped, reordered or added")
    public PackageVerification.Verdict verify(InputStream zip) throws IOException {
        if (zip == null) {
            throw ProblemException.invalid("body", "the package (application/zip) is required");
        }
        return verification.verify(zip, identity.getPrincipal().getName());
    }

    @GET
    @Path("/custody")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The chain of custody of a case's evidence: every view, export and verification")
    public List<CustodyView> custody(@QueryParam("caseId") @NotNull(message = "is required") UUID caseId) {
        return CustodyRecord.ofCase(caseId).stream().map(r -> new CustodyView(r.id, r.caseId, r.actor, r.action.name(),
                r.detail, r.chainHead, r.handedOutSha256, r.at)).toList();
    }
}
