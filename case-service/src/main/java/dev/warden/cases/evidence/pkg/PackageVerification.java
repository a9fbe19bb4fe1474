package dev.warden.cases.evidence.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.cases.domain.DomainException;
import dev.warden.cases.evidence.CustodyLog;
import dev.warden.cases.evidence.CustodyRecord;
import dev.warden.cases.evidence.EvidenceConfig;
import dev.warden.cases.evidence.verify.PackageVerifier;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The server's verdict on a package: the offline checks of {@link PackageVerifier}, plus what only the
 * server knows: whether every item equals the ledger's item of that number, and whether the package's
 * chain head is one that was handed out in an export (which catches a consistently truncated package).
 */
@ApplicationScoped
public class PackageVerification {

    @Inject
    EntityManager em;

    @Inject
    CustodyLog custody;

    @Inject
    EvidenceConfig evidenceConfig;

    @RegisterForReflection(targets = {Verdict.class, PackageVerifier.Problem.class})
    public record Verdict(boolean intact, String caseId, int items, int chainHeadSeq, String chainHead,
            boolean matchesLedger, Long exportCustodyRecordId, List<PackageVerifier.Problem> problems) {
    }

    @Transactional
    public Verdict verify(InputStream zip, String actor) throws IOException {
        PackageVerifier.Report r;
        try {
            r = PackageVerifier.verify(zip, new PackageVerifier.Limits(evidenceConfig.verifyMaxEntryBytes(),
                    evidenceConfig.verifyMaxTotalBytes(), evidenceConfig.verifyMaxEntries()));
        } catch (PackageVerifier.LimitExceeded e) {
            throw e.tooMany()
                    ? DomainException.unprocessable("body", e.getMessage())
                    : DomainException.tooLarge("body", e.getMessage());
        }
        List<PackageVerifier.Problem> problems = new ArrayList<>(r.problems());
        boolean matches = false;
        Long exportId = null;
        UUID caseId = null;
        if (r.caseId() != null) {
            try {
                caseId = UUID.fromString(r.caseId());
            } catch (IllegalArgumentException e) {
                problems.add(new PackageVerifier.Problem("items/", "name no valid case id"));
            }
        }
        if (caseId != null) {
            Map<Integer, String> ledger = new HashMap<>();
            for (Object row : em.createNativeQuery("SELECT seq, hash FROM evidence_item WHERE case_id = ?1")
                    .setParameter(1, caseId).getResultList()) {
                Object[] a = (Object[]) row;
                ledger.put(((Number) a[0]).intValue(), (String) a[1]);
            }
            matches = !ledger.isEmpty();
            for (Map.Entry<Integer, String> e : r.itemHashes().entrySet()) {
                if (!e.getValue().equals(ledger.get(e.getKey()))) {
                    matches = false;
                    problems.add(new PackageVerifier.Problem(String.format("items/%06d", e.getKey()),
                            "differs from item " + e.getKey() + " of the ledger"));
                }
            }
            List<?> exports = em.createNativeQuery("SELECT id FROM custody_record WHERE case_id = ?1 AND action = "
                    + "'EXPORT_PACKAGE' AND chain_head = ?2 ORDER BY id LIMIT 1").setParameter(1, caseId)
                    .setParameter(2, r.chainHead()).getResultList();
            exportId = exports.isEmpty() ? null : ((Number) exports.get(0)).longValue();
            if (exportId == null) {
                problems.add(new PackageVerifier.Problem("package", "its chain head " + r.chainHead()
                        + " was never handed out in an export of this case (items dropped from the end?)"));
            }
        } else if (problems.isEmpty()) {
            throw DomainException.unprocessable("package", "holds no evidence items");
        }
        boolean intact = r.intact() && matches && exportId != null;
        custody.record(caseId, actor, CustodyRecord.Action.VERIFY_PACKAGE, intact ? "intact" : problems.size()
                + " problem(s)", r.chainHead(), null);
        return new Verdict(intact, r.caseId(), r.items(), r.chainHeadSeq(), r.chainHead(), matches, exportId, problems);
    }
}
