package dev.warden.detection.activity;

import dev.warden.contracts.activity.ActivityEvent;

/**
 * A record on its way to the account detector: an accepted event, a rejected record (original key and value
 * bytes, and the reason), or a campaign sighting fed back from the fingerprint fan-out.
 */
public record ValidatedActivity(ActivityEvent event, byte[] rawKey, byte[] raw, String rejection,
        CampaignSighting campaign) {

    public static ValidatedActivity accepted(ActivityEvent event) {
        return new ValidatedActivity(event, null, null, null, null);
    }

    public static ValidatedActivity rejected(byte[] rawKey, byte[] raw, String rejection) {
        return new ValidatedActivity(null, rawKey, raw, rejection, null);
    }

    public static ValidatedActivity sighting(CampaignSighting campaign) {
        return new ValidatedActivity(null, null, null, null, campaign);
    }

    /**
     * {@code accounts} distinct accounts sent one of this account's fingerprints to strangers in the campaign
     * window starting at {@code windowStartMillis}; this account's earliest such message in it was at {@code atMillis}.
     */
    public record CampaignSighting(int accounts, long windowStartMillis, long atMillis) {
    }

    public boolean rejected() {
        return rejection != null;
    }
}
