package dev.warden.cases.casework;

/**
 * Who asks for a change, as the domain's rules need it: the name decisions and audit entries carry,
 * whether they hold {@code senior-reviewer}, and the OAuth client they came through (or null).
 */
public record Actor(String name, boolean senior, String clientId) {

    public static Actor system(String name) {
        return new Actor(name, false, null);
    }
}
