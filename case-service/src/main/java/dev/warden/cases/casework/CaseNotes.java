package dev.warden.cases.casework;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class CaseNotes {

    @Inject
    Clock clock;

    @Inject
    Event<NoteAdded> noteAdded;

    @Transactional
    public CaseNote add(UUID caseId, String author, String text) {
        EnforcementCase.require(caseId);
        CaseNote n = new CaseNote();
        n.id = UUID.randomUUID();
        n.caseId = caseId;
        n.author = author;
        n.text = text;
        n.createdAt = clock.instant();
        n.persist();
        noteAdded.fire(new NoteAdded(n));
        return n;
    }
}
