package org.evenhand.identity;

/** Keycloak realm roles. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String CASEWORKER = "caseworker";
    public static final String PANEL = "panel";
    public static final String NEC = "nec";
    public static final String DPO = "dpo";

    private Roles() {
    }
}
