package dev.warden.detection.rules.shadow;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warden.contracts.Topics;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RulesAdminConfig;
import dev.warden.detection.rules.signals.SignalReader;

/**
 * Computes a {@link ShadowReport} from the two topics themselves: no extra store to keep consistent,
 * and the period can be any span the topics still retain.
 */
@ApplicationScoped
public class ShadowComparison {

    @Inject
    SignalReader reader;

    @Inject
    RulesAdminConfig config;

    public ShadowReport compare(RuleDefinition live, RuleDefinition shadow, Instant from, Instant to) {
        List<DetectionSignal> liveOfViolation = reader.read(Topics.SIGNALS, from, to).stream()
                .filter(s -> s.violation() == live.violation()).toList();
        List<DetectionSignal> shadowOfRule = reader.read(Topics.SIGNALS_SHADOW, from, to).stream()
                .filter(s -> s.ruleId().equals(live.id())).toList();
        List<DetectionSignal> liveOfRule = liveOfViolation.stream().filter(s -> s.ruleId().equals(live.id())).toList();

        Set<String> violationLive = accounts(liveOfViolation);
        Set<String> violationWithShadow = accounts(liveOfViolation.stream().filter(s -> !s.ruleId().equals(live.id())).toList());
        violationWithShadow.addAll(accounts(shadowOfRule));
        return new ShadowReport(live.id(), live.version(), shadow.version(), from, to,
                buckets(liveOfRule.size(), shadowOfRule.size(), accounts(liveOfRule), accounts(shadowOfRule)),
                List.of(new ShadowReport.ViolationBuckets(live.violation(), buckets(liveOfViolation.size(),
                        liveOfViolation.size() - liveOfRule.size() + shadowOfRule.size(), violationLive, violationWithShadow))));
    }

    private ShadowReport.Buckets buckets(long liveSignals, long shadowSignals, Set<String> live, Set<String> shadow) {
        List<String> onlyLive = live.stream().filter(a -> !shadow.contains(a)).sorted().toList();
        List<String> onlyShadow = shadow.stream().filter(a -> !live.contains(a)).sorted().toList();
        long both = live.stream().filter(shadow::contains).count();
        int n = config.comparisonSamples();
        return new ShadowReport.Buckets(liveSignals, shadowSignals, onlyLive.size(), onlyShadow.size(), both,
                onlyLive.stream().limit(n).toList(), onlyShadow.stream().limit(n).toList());
    }

    private static Set<String> accounts(List<DetectionSignal> signals) {
        Set<String> accounts = new HashSet<>();
        signals.forEach(s -> accounts.add(s.accountId()));
        return accounts;
    }
}
