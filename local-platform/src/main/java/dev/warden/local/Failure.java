package dev.warden.local;

/** Ends a command with this one-line message on stderr and exit code 1. */
final class Failure extends RuntimeException {

    Failure(String message) {
        super(message);
    }
}
