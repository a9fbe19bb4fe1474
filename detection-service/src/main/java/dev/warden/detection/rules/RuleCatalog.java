package dev.warden.detection.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.warden.detection.config.DetectionConfig;

/** The detectors this service runs, in evaluation order, with their built-in definitions. */
public final class RuleCatalog {

    private final Map<String, Detector> detectors = new LinkedHashMap<>();
    private final CoordinatedCampaignDetector campaign = new CoordinatedCampaignDetector();

    public RuleCatalog(DetectionConfig config) {
        for (Detector d : List.of(new RegistrationBurstDetector(config.registrationBurst()), new MachineTimingDetector(),
                new StrangerOutreachDetector(), campaign, new PromotionalBroadcastDetector(),
                new DistinctReportersDetector())) {
            detectors.put(d.id(), d);
        }
        for (Detector d : BehaviourRules.all()) {
            detectors.put(d.id(), d);
        }
    }

    public Iterable<Detector> detectors() {
        return detectors.values();
    }

    CoordinatedCampaignDetector campaignDetector() {
        return campaign;
    }

    public Optional<Detector> detector(String ruleId) {
        return Optional.ofNullable(detectors.get(ruleId));
    }
}
