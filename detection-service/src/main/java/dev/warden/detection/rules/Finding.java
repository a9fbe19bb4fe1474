package dev.warden.detection.rules;

import java.util.List;

import dev.warden.contracts.signal.DetectionSignal;

/** What a detector found: the criteria it checked (all crossed), the score, a summary and the window. */
public record Finding(List<DetectionSignal.Criterion> criteria, double score, String summary, long windowStartMillis,
        long windowEndMillis) {
}
