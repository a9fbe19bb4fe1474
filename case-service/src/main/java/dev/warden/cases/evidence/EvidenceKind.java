package dev.warden.cases.evidence;

/** What an evidence item is. Every kind enters the same per-case hash chain. */
public enum EvidenceKind {
    SIGNAL,
    NOTE,
    DECISION,
    STATEMENT_OF_REASONS,
    OFF_PLATFORM
}
