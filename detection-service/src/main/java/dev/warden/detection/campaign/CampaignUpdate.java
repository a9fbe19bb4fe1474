package dev.warden.detection.campaign;

/**
 * What the tracker tells a sender: {@code accounts} distinct accounts sent one fingerprint to strangers in
 * the campaign window starting at {@code windowStartMillis}; this sender's earliest sighting in it was at
 * {@code memberAtMillis}. Travels through the repartition back to the account with {@link CampaignUpdateSerde}.
 */
public record CampaignUpdate(int accounts, long windowStartMillis, long memberAtMillis) {
}
