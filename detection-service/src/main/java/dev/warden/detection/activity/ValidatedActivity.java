package dev.warden.detection.activity;

import dev.warden.contracts.activity.ActivityEvent;

/**
 * A record on its way to the account detector: an accepted event, a rejected record (original bytes
 * and the reason), or a campaign sighting fed back from the fingerprint fan-out.
 */
public record ValidatedActivity(ActivityEvent event, byte[] raw, String rejection, CampaignSighting campaign) {

    public ValidatedActivity(ActivityEvent event, byte[] raw, String rejection) {
        this(event, raw, rejection, null);
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
