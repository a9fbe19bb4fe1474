package dev.warden.detection.campaign;

/**
 * One account sent a fingerprint to strangers at {@code atMillis} (event time): what {@link CampaignSightings}
 * hands the {@link CampaignTracker} through the fingerprint repartition (key: the fingerprint).
 */
public record Sighting(String accountId, long atMillis) {
}
