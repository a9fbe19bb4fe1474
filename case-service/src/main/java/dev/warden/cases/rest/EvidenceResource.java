package dev.warden.cases.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.evidence.Canonical;
import dev.warden.cases.evidence.CustodyLog;
import dev.warden.cases.evidence.CustodyRecord;
import dev.warden.cases.evidence.EvidenceItem;
import dev.warden.cases.evidence.EvidenceLedger;
import dev.warden.cases.evidence.OffPlatformEvidence;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/evidence/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class EvidenceResource {

    @Inject
    OffPlatformEvidence offPlatform;

    @Inject
    EvidenceLedger ledger;

    @Inject
    CustodyLog custody;

    @Inject
    SecurityIdentity identity;

    /** Off-platform evidence: where it was found, when, its hash, and the capture itself (base64). */
    public record OffPlatformRequest(
            @NotBlank(message = "must not be blank") @Size(max = 2048, message = "must be at most 2048 characters") String url,
            @NotNull(message = "is required") Instant capturedAt,
            @NotNull(message = "is required") @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be a SHA-256 in hex (64 characters)") String contentSha256,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 127, message = "must be at most 127 characters") String mediaType,
            @NotBlank(message = "the capture is required") String captureBase64) {
    }

    @RegisterForReflection
    public record ItemView(int seq, String kind, String sourceId, Instant recordedAt, String recordedBy,
            String prevHash, String hash, String captureSha256, Integer captureSize, Map<String, Object> content) {

        static ItemView of(EvidenceItem i) {
            Map<String, Object> body = Canonical.parseBody(i.canonical);
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) body.get("content");
            return new ItemView(i.seq, i.kind.name(), i.sourceId, i.recordedAt, i.recordedBy, i.prevHash, i.hash,
                    i.captureSha256, i.captureSize, content);
        }
    }

    @RegisterForReflection
    public record LedgerView(UUID caseId, int chainHeadSeq, String chainHead, List<ItemView> items) {
    }

    @POST
    @Path("/off-platform")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLATFORM, Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Append off-platform evidence (URL, capture time, content hash, capture) to the case's ledger",
            description = "The same capture of the same URL at the same capture time is the same evidence: submitting "
                    + "it again (a retry) returns the item already in the ledger with 200 and appends nothing.")
    @APIResponse(responseCode = "201", description = "appended")
    @APIResponse(responseCode = "200", description = "this evidence was already in the ledger: the existing item")
    @APIResponse(responseCode = "409", description = "this capture is already in the ledger with another description or media type")
    public Response addOffPlatform(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a JSON body is required") @Valid OffPlatformRequest r) {
        OffPlatformEvidence.Added added = offPlatform.add(caseId, identity.getPrincipal().getName(),
                new OffPlatformEvidence.Submission(r.url(), r.capturedAt(), r.contentSha256(), r.description(),
                        r.mediaType(), r.captureBase64()));
        ItemView item = ItemView.of(added.item());
        return added.alreadyRecorded() ? Response.ok(item).build()
                : Response.created(URI.create("/api/evidence/cases/" + caseId + "/items/" + item.seq())).entity(item).build();
    }

    @GET
    @Path("/items")
    @Transactional
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.LEGAL})
    @Operation(summary = "The case's evidence ledger, in chain order (the view is recorded in the custody log)")
    public LedgerView items(@PathParam("caseId") UUID caseId) {
        EnforcementCase.require(caseId);
        List<ItemView> items = EvidenceItem.ofCase(caseId).stream().map(ItemView::of).toList();
        EvidenceLedger.ChainHead head = ledger.head(caseId);
        custody.record(caseId, identity.getPrincipal().getName(), CustodyRecord.Action.VIEW_LEDGER,
                items.size() + " items", head.hash(), head.hash());
        return new LedgerView(caseId, head.seq(), head.hash(), items);
    }

    @GET
    @Path("/items/{seq}/capture")
    @Produces(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.LEGAL})
    @Operation(summary = "The uploaded capture of an off-platform evidence item (recorded in the custody log)")
    public Response capture(@PathParam("caseId") UUID caseId, @PathParam("seq") int seq) {
        EvidenceItem item = EvidenceItem.<EvidenceItem>find("caseId = ?1 and seq = ?2", caseId, seq).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("evidence item", caseId + "/" + seq));
        if (item.captureSha256 == null) {
            throw ProblemException.notFound("capture of evidence item", caseId + "/" + seq);
        }
        custody.record(caseId, identity.getPrincipal().getName(), CustodyRecord.Action.VIEW_CAPTURE,
                "capture of seq " + seq, item.hash, item.captureSha256);
        // a download, never rendered: the bytes are the uploader's, whatever type they declared
        return Response.ok(item.capture, item.captureMediaType)
                .header("Content-Disposition", "attachment; filename=\"capture-" + caseId + "-" + seq + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }
}
