package org.evenhand.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;

/**
 * Who is reading the page, for the layout: the name to show, which areas the roles open, and
 * the form token. Available to every template as {@code inject:viewer}.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;
    @Inject
    Csrf csrf;

    private String name;
    private String token;

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String username() {
        return signedIn() ? identity.getPrincipal().getName() : null;
    }

    /** The person's name as the membership or staff record has it; as Keycloak has it otherwise. */
    @Transactional
    public String name() {
        if (name == null && signedIn()) {
            String u = username();
            name = Member.byUsername(u).map(m -> m.displayName)
                    .or(() -> Handler.<Handler>findByIdOptional(u).map(h -> h.displayName))
                    .orElseGet(() -> identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null
                            ? jwt.getClaim("name").toString() : u);
        }
        return name;
    }

    public boolean member() {
        return has(Roles.MEMBER);
    }

    public boolean staff() {
        return has(Roles.CASEWORKER) || has(Roles.PANEL);
    }

    public boolean caseworker() {
        return has(Roles.CASEWORKER);
    }

    public boolean panel() {
        return has(Roles.PANEL);
    }

    public boolean nec() {
        return has(Roles.NEC);
    }

    public boolean dpo() {
        return has(Roles.DPO);
    }

    /** A complaints manager (decision 0035). */
    public boolean manager() {
        return has(Roles.MANAGER);
    }

    /** The token every form on the page carries (see {@link Csrf}). */
    public String csrf() {
        if (token == null && signedIn()) {
            token = csrf.token(identity);
        }
        return token;
    }

    /** Where "my area" is for this person: the first area their roles open. */
    public String home() {
        if (member()) {
            return "/me";
        }
        if (staff()) {
            return "/work";
        }
        if (manager()) {
            return "/manager";
        }
        if (dpo()) {
            return "/dpo";
        }
        if (nec()) {
            return "/nec/audit";
        }
        return "/";
    }

    private boolean has(String role) {
        return signedIn() && identity.hasRole(role);
    }
}
