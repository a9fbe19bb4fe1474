package dev.warden.cases.evidence;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.domain.DomainException;

/** Accepts evidence found off the platform (a web shop selling newsletters over the messenger). */
@ApplicationScoped
public class OffPlatformEvidence {

    @Inject
    EvidenceLedger ledger;

    @Inject
    EvidenceConfig config;

    @Inject
    CustodyLog custody;

    @Inject
    Clock clock;

    public record Submission(String url, Instant capturedAt, String contentSha256, String description,
            String mediaType, String captureBase64) {
    }

    /** The item in the ledger and whether it was there before (the same capture submitted again). */
    public record Added(EvidenceItem item, boolean alreadyRecorded) {
    }

    /**
     * Appends the evidence, once: the same capture of the same URL at the same time is the same evidence,
     * so a retried or repeated submission returns the item already in the chain and records nothing new.
     */
    @Transactional
    public Added add(UUID caseId, String submittedBy, Submission s) {
        EnforcementCase enforcementCase = EnforcementCase.require(caseId);
        URI url = parseUrl(s.url());
        Instant now = clock.instant();
        if (s.capturedAt().isAfter(now.plusSeconds(60))) {
            throw DomainException.invalid("capturedAt", "must not be in the future");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s.captureBase64());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("captureBase64", "is not valid base64");
        }
        if (bytes.length == 0) {
            throw DomainException.invalid("captureBase64", "must not be empty");
        }
        if (bytes.length > config.maxCaptureBytes()) {
            throw DomainException.invalid("captureBase64",
                    "capture is " + bytes.length + " bytes, at most " + config.maxCaptureBytes() + " are accepted");
        }
        String actual = Canonical.sha256(bytes);
        if (!actual.equalsIgnoreCase(s.contentSha256())) {
            throw DomainException.unprocessable("contentSha256",
                    "does not match the uploaded capture (its SHA-256 is " + actual + ")");
        }
        String sourceId = "capture:" + Canonical.sha256((url + "\n" + s.capturedAt() + "\n" + actual)
                .getBytes(StandardCharsets.UTF_8));
        String mediaType = s.mediaType() == null ? "application/octet-stream" : s.mediaType().strip().toLowerCase(java.util.Locale.ROOT);
        if (!config.captureMediaTypes().contains(mediaType)) {
            throw DomainException.unprocessable("mediaType", "'" + mediaType + "' is not an accepted capture type; accepted: "
                    + String.join(", ", new java.util.TreeSet<>(config.captureMediaTypes())));
        }
        Optional<EvidenceItem> earlier = ledger.recorded(caseId, EvidenceKind.OFF_PLATFORM, sourceId);
        if (earlier.isPresent()) {
            return resubmitted(earlier.get(), submittedBy, s.description(), mediaType);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("url", url.toString());
        content.put("capturedAt", s.capturedAt().toString());
        content.put("contentSha256", actual);
        content.put("captureSize", bytes.length);
        content.put("captureMediaType", mediaType);
        content.put("description", s.description());
        content.put("submittedBy", submittedBy);
        EvidenceItem item = ledger.append(caseId, EvidenceKind.OFF_PLATFORM, sourceId, submittedBy, now, content,
                new EvidenceLedger.Capture(bytes, actual, mediaType));
        // the policy's "propose legal escalation" rule looks for accounts with evidence from off the platform
        Account account = Account.findById(enforcementCase.accountId);
        if (account != null) {
            account.offPlatformEvidence = true;
        }
        custody.record(caseId, submittedBy, CustodyRecord.Action.ADD_EVIDENCE, "off-platform evidence seq " + item.seq,
                item.hash, null);
        return new Added(item, false);
    }

    /**
     * The same capture again: the recorded item, if the submission says the same about it (a retry);
     * handing it back is recorded in the custody log like any other view of evidence.
     */
    private Added resubmitted(EvidenceItem item, String submittedBy, String description, String mediaType) {
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) Canonical.parseBody(item.canonical).get("content");
        if (!Objects.equals(recorded.get("description"), description)
                || !Objects.equals(recorded.get("captureMediaType"), mediaType)) {
            throw DomainException.conflict("this capture is already evidence item " + item.seq
                    + " of the case, with another description or media type; evidence is never changed");
        }
        custody.record(item.caseId, submittedBy, CustodyRecord.Action.VIEW_LEDGER,
                "off-platform evidence seq " + item.seq + " submitted again", item.hash, item.hash);
        return new Added(item, true);
    }

    private static URI parseUrl(String raw) {
        try {
            URI u = new URI(raw);
            if (!("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) || u.getHost() == null) {
                throw DomainException.invalid("url", "must be an absolute http(s) URL");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw DomainException.invalid("url", "is not a valid URL");
        }
    }
}
