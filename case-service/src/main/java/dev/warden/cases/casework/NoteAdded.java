package dev.warden.cases.casework;

/** Fired synchronously, inside the transaction that added a reviewer's note to a case. */
public record NoteAdded(CaseNote note) {
}
