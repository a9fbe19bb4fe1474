package dev.warden.cases.casework;

import java.time.Duration;
import java.util.List;

/** What a reviewer asks the queue for; every criterion is optional. */
public record QueueFilter(List<CaseStatus> statuses, String violation, String accountType, String assignee,
        Double minScore, Double maxScore, Duration olderThan, Duration newerThan, String proposedAction,
        Boolean overdue) {
}
