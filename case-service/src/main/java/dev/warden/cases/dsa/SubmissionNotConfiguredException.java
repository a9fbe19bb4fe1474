package dev.warden.cases.dsa;

import java.util.List;

import dev.warden.cases.domain.DomainException;

/** Submission was asked for, but the Transparency Database's URL or token is not configured. 409 at the edge. */
public class SubmissionNotConfiguredException extends DomainException.Conflict {

    public SubmissionNotConfiguredException(String key) {
        super("warden.dsa.submission." + key + " is not configured", List.of());
    }
}
