package dev.warden.detection.activity;

import dev.warden.contracts.activity.ActivityEvent;

/** A record after validation: either the event or the original bytes with the reason they were rejected. */
public record ValidatedActivity(ActivityEvent event, byte[] raw, String rejection) {

    public boolean rejected() {
        return rejection != null;
    }
}
