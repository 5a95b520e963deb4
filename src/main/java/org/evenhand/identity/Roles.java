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
    /** The party's membership system (a service account, never a person): applies membership files (decision 0039). */
    public static final String MEMBERSHIP_SYNC = "membership-sync";

    private Roles() {
    }
}
