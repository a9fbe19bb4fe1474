package dev.warden.common.security;

/** Keycloak realm roles (deploy/keycloak/warden-realm.json; what each may do: docs/architecture.md "Security"). */
public final class Roles {
    public static final String REVIEWER = "reviewer";
    public static final String SENIOR_REVIEWER = "senior-reviewer";
    public static final String LEGAL = "legal";
    public static final String ADMIN = "admin";
    public static final String PLATFORM = "platform";

    private Roles() {
    }
}
