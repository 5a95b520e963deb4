package org.evenhand.identity;

/** Keycloak realm roles. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String CASEWORKER = "caseworker";
    public static final String PANEL = "panel";
    public static final String NEC = "nec";
    public static final String DPO = "dpo";
    /** Complaints manager: takes overdue stages and reassigns them (decision 0035). */
    public static final String MANAGER = "manager";

    private Roles() {
    }
}
