package dev.warden.detection.campaign;

/**
 * What the tracker tells a sender: {@code accounts} distinct accounts sent one fingerprint to strangers in
 * the campaign window starting at {@code windowStartMillis}; this sender's earliest sighting in it was at
 * {@code memberAtMillis}. Travels through the repartition back to the account as tab-separated text.
 */
public record CampaignUpdate(int accounts, long windowStartMillis, long memberAtMillis) {

    public String format() {
        return accounts + "\t" + windowStartMillis + "\t" + memberAtMillis;
    }

    public static CampaignUpdate parse(String value) {
        String[] parts = value.split("\t");
        return new CampaignUpdate(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }
}
