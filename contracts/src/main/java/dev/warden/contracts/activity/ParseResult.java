package dev.warden.contracts.activity;

/** Outcome of reading one activity record: the event, or why it goes to the dead-letter topic. */
public sealed interface ParseResult {

    record Accepted(ActivityEvent event) implements ParseResult {
    }

    record Rejected(String reason) implements ParseResult {
    }
}
