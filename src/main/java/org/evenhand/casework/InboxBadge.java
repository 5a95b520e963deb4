package org.evenhand.casework;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.evenhand.identity.Roles;

/**
 * The inbox link in the header with its unread count, as {@code inject:inbox} in the layout: one
 * small query per page, once per request (decision 0033).
 */
@Named("inbox")
@RequestScoped
public class InboxBadge {

    @Inject
    SecurityIdentity identity;
    @Inject
    Inbox inbox;

    private Long unread;

    /** Where this person's inbox is, or null for someone who has none (signed out, DPO, NEC). */
    public String href() {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.hasRole(Roles.MEMBER)) {
            return "/me/inbox";
        }
        return identity.hasRole(Roles.CASEWORKER) || identity.hasRole(Roles.PANEL) ? "/work/inbox" : null;
    }

    public long unread() {
        if (unread == null) {
            unread = href() == null ? 0L : inbox.unread(identity.getPrincipal().getName(),
                    identity.hasRole(Roles.MEMBER), identity.hasRole(Roles.CASEWORKER));
        }
        return unread;
    }
}
