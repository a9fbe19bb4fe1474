package dev.warden.cases.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.warden.cases.decision.BulkDecisionPreview;
import dev.warden.common.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A bulk decision's preview as the API shows it: per case what would happen, and the answer the bulk call
 * would get ({@code status} 200, or the problem it would send). Refusals become problems here, at the edge.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkPreviewView(String action, boolean wouldSucceed, int status, int decided, int proposed, int refused,
        List<Item> items, Problem problem) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID caseId, String accountId, String outcome, boolean statementRequired, Integer status,
            String reason) {
    }

    static BulkPreviewView of(BulkDecisionPreview p, String instance) {
        List<Item> items = p.items().stream().map(i -> new Item(i.caseId(), i.accountId(), i.outcome().name(),
                i.statementRequired(), i.refusal() == null ? null : DomainProblems.status(i.refusal().kind()),
                i.refusal() == null ? null : i.refusal().getMessage())).toList();
        Problem problem = p.refusal() == null ? null : DomainProblems.problem(p.refusal(), instance);
        return new BulkPreviewView(p.action(), p.wouldSucceed(), problem == null ? 200 : problem.status(),
                count(p, BulkDecisionPreview.Outcome.DECIDED), count(p, BulkDecisionPreview.Outcome.PROPOSED),
                count(p, BulkDecisionPreview.Outcome.REFUSED), items, problem);
    }

    private static int count(BulkDecisionPreview p, BulkDecisionPreview.Outcome o) {
        return (int) p.items().stream().filter(i -> i.outcome() == o).count();
    }
}
