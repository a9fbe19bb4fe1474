package dev.warden.common.security;

/** Keycloak realm roles (ARCHITECTURE.md section 5). */
public final class Roles {
    public static final String REVIEWER = "reviewer";
    public static final String SENIOR_REVIEWER = "senior-reviewer";
    public static final String LEGAL = "legal";
    public static final String ADMIN = "admin";
    public static final String PLATFORM = "platform";

    private Roles() {
    }
}
