package dev.warden.cases.dsa;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Statements of a period in batches of at most 100, the Transparency Database's batch limit. */
@ApplicationScoped
public class DsaExport {

    public static final int MAX_BATCH = 100;

    @RegisterForReflection
    public record Batch(Instant from, Instant to, int page, int size, long total, boolean last,
            List<Map<String, Object>> statements) {
    }

    @Transactional
    public Batch batch(Instant from, Instant to, int page, int size) {
        var query = DsaStatement.<DsaStatement>find("decidedAt >= ?1 and decidedAt < ?2 order by decidedAt, puid", from, to);
        long total = query.count();
        List<Map<String, Object>> statements = query.page(Page.of(page, size)).list().stream()
                .map(s -> DsaStatementFactory.read(s.statement)).toList();
        return new Batch(from, to, page, size, total, (long) (page + 1) * size >= total, statements);
    }
}
