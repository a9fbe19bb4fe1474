package dev.warden.cases.casework;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of the queue, highest priority first, oldest first within a priority. */
@RegisterForReflection
public record QueuePage(int page, int size, boolean hasMore, List<QueueItem> items) {
}
