package dev.warden.cases.dsa;

/** Submission was asked for, but the Transparency Database's URL or token is not configured. 409 at the edge. */
public class SubmissionNotConfiguredException extends RuntimeException {

    public SubmissionNotConfiguredException(String key) {
        super("warden.dsa.submission." + key + " is not configured");
    }
}
