package org.evenhand.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.evenhand.common.ProblemException;

/** Who is calling, as Keycloak says, and the member record linked to that login. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;
    @Inject
    MemberLogins logins;

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<Member> member() {
        return logins.member(username());
    }

    /** The caller's member record; a login with no membership gets 403. */
    public Member requireMember() {
        return member().orElseThrow(() -> ProblemException.forbidden(
                "your login '" + username() + "' is not linked to a membership record"));
    }
}
