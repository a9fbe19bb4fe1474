package dev.warden.cases.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.Strike;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.domain.DomainException;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;

/** Stores policy versions, switches the active one, and replays candidates over recent signals (dry run). */
@ApplicationScoped
public class PolicyService {

    private static final TypeReference<List<PolicyRule>> RULES = new TypeReference<>() {
    };

    /** Parsed policy versions; versions are immutable, so caching by number is always correct. */
    private final Map<Integer, PolicySet> parsed = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicySet active() {
        Integer latest = em.createQuery("select max(p.version) from PolicyVersion p", Integer.class).getSingleResult();
        if (latest == null) {
            throw new IllegalStateException("no policy version stored; the V2 migration seeds one");
        }
        return version(latest);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicySet version(int version) {
        PolicySet cached = parsed.get(version);
        if (cached != null) {
            return cached;
        }
        PolicyVersion v = PolicyVersion.<PolicyVersion>findByIdOptional(version)
                .orElseThrow(() -> DomainException.notFound("policy version", version));
        PolicySet set = new PolicySet(v.version, parse(v.rules), v.comment, v.createdBy, v.createdAt);
        parsed.put(version, set);
        return set;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicySet> history() {
        return PolicyVersion.<PolicyVersion>list("order by version desc").stream().map(v -> version(v.version)).toList();
    }

    /** Stores {@code rules} as the next version and makes it active. */
    @Transactional
    public PolicySet replace(List<PolicyRule> rules, String comment, String actor, Integer expectedVersion) {
        PolicyValidation.check(rules);
        PolicySet current = active();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw DomainException.conflict("policy is at version " + current.version() + ", not " + expectedVersion
                    + "; reload and retry");
        }
        List<PolicyRule> versioned = assignRuleVersions(rules, current);
        PolicyVersion v = new PolicyVersion();
        v.version = current.version() + 1;
        v.rules = WardenJson.write(versioned);
        v.comment = comment;
        v.createdBy = actor;
        v.createdAt = clock.instant();
        try {
            v.persist();
            em.flush();
        } catch (PersistenceException e) {
            // another writer stored this version number first
            throw DomainException.conflict("policy changed concurrently; reload and retry");
        }
        audit.record("POLICY_CHANGED", null, null, "policy:" + v.version,
                "version " + v.version + " with " + versioned.size() + " rules: " + comment);
        return version(v.version);
    }

    /** What the active policy and {@code candidate} decide for each of the last {@code n} signals received. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DryRunReport dryRun(List<PolicyRule> candidateRules, int n) {
        PolicyValidation.check(candidateRules);
        PolicySet current = active(); // read once: the candidate's rule versions and the comparison use the same one
        List<PolicyRule> candidate = assignRuleVersions(candidateRules, current);
        List<SignalRecord> recent = SignalRecord.<SignalRecord>find("order by receivedAt desc, id").page(0, n).list();
        List<DryRunReport.Entry> entries = new ArrayList<>();
        Map<String, Integer> currentCounts = new HashMap<>();
        Map<String, Integer> candidateCounts = new HashMap<>();
        int changed = 0;
        for (SignalRecord s : recent) {
            DetectionSignal signal = WardenJson.read(s.payload, DetectionSignal.class);
            if (signal.violation() == null) {
                continue; // erased by the retention job: nothing left to decide on
            }
            Account account = Account.findById(s.accountId);
            PolicyContext ctx = EnforcementPolicy.context(signal, account, Strike.countWithinWindow(s.accountId,
                    s.receivedAt.minusMillis(1)));
            PolicyOutcome now = PolicyEngine.decide(current.version(), current.rules(), ctx, signal.summary());
            PolicyOutcome then = PolicyEngine.decide(current.version() + 1, candidate, ctx, signal.summary());
            DryRunReport.Verdict a = DryRunReport.Verdict.of(now);
            DryRunReport.Verdict b = DryRunReport.Verdict.of(then);
            boolean differs = !a.action().equals(b.action());
            changed += differs ? 1 : 0;
            currentCounts.merge(a.action(), 1, Integer::sum);
            candidateCounts.merge(b.action(), 1, Integer::sum);
            entries.add(new DryRunReport.Entry(s.id, s.accountId, s.violation, s.score, s.receivedAt, a, b, differs));
        }
        return new DryRunReport(current.version(), entries.size(), changed, currentCounts, candidateCounts, entries);
    }

    /**
     * A rule keeps the version of any earlier rule with the same id and the same content (so restoring
     * an old rule restores its version); changed content gets the id's highest version + 1.
     */
    private List<PolicyRule> assignRuleVersions(List<PolicyRule> rules, PolicySet current) {
        Map<String, List<PolicyRule>> earlier = new HashMap<>();
        for (PolicySet s : history()) {
            s.rules().forEach(r -> earlier.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        }
        current.rules().forEach(r -> earlier.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        List<PolicyRule> out = new ArrayList<>();
        for (PolicyRule r : rules) {
            List<PolicyRule> same = earlier.getOrDefault(r.id(), List.of());
            int version = same.stream().filter(r::sameContentAs).mapToInt(PolicyRule::version).findFirst()
                    .orElseGet(() -> same.stream().mapToInt(PolicyRule::version).max().orElse(0) + 1);
            out.add(r.withVersion(version));
        }
        return out;
    }

    private static List<PolicyRule> parse(String json) {
        try {
            return WardenJson.mapper().readValue(json, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not valid JSON", e);
        }
    }
}
