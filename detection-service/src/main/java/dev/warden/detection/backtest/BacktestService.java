package dev.warden.detection.backtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.warden.common.problem.Problem;
import dev.warden.common.problem.ProblemException;
import dev.warden.detection.rules.Detector;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RuleService;
import dev.warden.detection.rules.RulesAdminConfig;

/**
 * Starts backtests (one at a time per instance: each runs a whole stream application) and keeps their
 * outcome in memory on this instance, the newest {@code keep} of them.
 */
@ApplicationScoped
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class);

    @Inject
    RuleService rules;

    @Inject
    BacktestRunner runner;

    @Inject
    RulesAdminConfig config;

    @Inject
    Clock clock;

    private final Map<UUID, BacktestView> runs = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "warden-backtest"));

    public BacktestView start(BacktestRequest request, String actor) {
        List<RuleDefinition> ruleSet = ruleSet(request.rules());
        if (request.labels() != null && request.labels().size() > config.backtest().maxLabels()) {
            throw ProblemException.unprocessable("labels", "at most " + config.backtest().maxLabels() + " labels");
        }
        long retained = runner.retainedHours();
        if (request.hours() > retained) {
            throw ProblemException.unprocessable("hours", "the activity topic retains " + retained + " hours");
        }
        Instant now = clock.instant();
        BacktestView run = new BacktestView(UUID.randomUUID(), BacktestView.Status.RUNNING, actor, now, null,
                request.hours(), ruleSet, null, null);
        synchronized (runs) {
            if (runs.values().stream().anyMatch(r -> r.status() == BacktestView.Status.RUNNING)) {
                throw ProblemException.conflict("a backtest is already running on this instance; wait for it");
            }
            runs.put(run.id(), run);
            while (runs.size() > config.backtest().keep()) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        executor.submit(() -> execute(run, request, now.minus(Duration.ofHours(request.hours())), now));
        return run;
    }

    public BacktestView get(UUID id) {
        synchronized (runs) {
            BacktestView run = runs.get(id);
            if (run == null) {
                throw ProblemException.notFound("backtest", id);
            }
            return run;
        }
    }

    private void execute(BacktestView run, BacktestRequest request, Instant from, Instant to) {
        BacktestView done;
        try {
            BacktestReport report = runner.run(run.id(), run.rules(), run.requestedBy(), from, to, request.labels());
            done = finished(run, BacktestView.Status.DONE, report, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = finished(run, BacktestView.Status.FAILED, null, "stopped: the service is shutting down");
        } catch (RuntimeException e) {
            LOG.warnf("backtest %s failed: %s", run.id(), e.getMessage());
            done = finished(run, BacktestView.Status.FAILED, null, e.getMessage());
        }
        synchronized (runs) {
            runs.replace(run.id(), done);
        }
    }

    private BacktestView finished(BacktestView run, BacktestView.Status status, BacktestReport report, String failure) {
        return new BacktestView(run.id(), status, run.requestedBy(), run.requestedAt(), clock.instant(), run.hours(),
                run.rules(), report, failure);
    }

    /** Every rule of the catalogue: the candidate where one is given, the active version otherwise. */
    private List<RuleDefinition> ruleSet(List<RuleDefinition> candidates) {
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            RuleDefinition c = candidates.get(i);
            String field = "rules[" + i + "]";
            if (c.id() == null || rules.catalog().detector(c.id()).isEmpty()) {
                throw ProblemException.unprocessable(field + ".id", "unknown rule " + c.id());
            }
            if (!seen.add(c.id())) {
                throw ProblemException.unprocessable(field + ".id", "rule " + c.id() + " is given twice");
            }
            try {
                byId.put(c.id(), rules.candidate(c.id(), c, c.version()));
            } catch (ProblemException e) {
                throw prefixed(field, e);
            }
        }
        List<RuleDefinition> set = new ArrayList<>();
        for (Detector d : rules.catalog().detectors()) {
            set.add(byId.containsKey(d.id()) ? byId.get(d.id()) : rules.get(d.id()));
        }
        return set;
    }

    private static ProblemException prefixed(String field, ProblemException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(field + "." + f.field(), f.message())).toList();
        return new ProblemException(e.status(), e.title(), e.getMessage(), errors);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow(); // interrupts a running backtest, which then removes its stream application
    }
}
