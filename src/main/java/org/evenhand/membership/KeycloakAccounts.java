package org.evenhand.membership;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Members' users in Keycloak, through its admin REST API (the Keycloak admin client, on Quarkus' REST
 * client), signed in as the service account of {@code evenhand-provisioning}, which may manage users
 * and nothing else. A user is found by username (the member's login); an active member's user is
 * created if missing, with the realm role member; names, email and enabled are made to match; a lapsed
 * member's user is disabled and signed out. A user is never deleted.
 */
@ApplicationScoped
public class KeycloakAccounts {

    /** A member as their Keycloak user should be. */
    public record Account(String username, String displayName, String email, boolean active) {
    }

    /** What was done to the user. */
    public enum Outcome {
        CREATED, UPDATED, ENABLED, DISABLED, UNCHANGED,
        /** A lapsed member who never had a user: nothing to do. */
        NONE
    }

    /** Keycloak refused or could not be reached; the member is tried again later. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Characters Keycloak refuses in a person's first or last name (its person-name validator). */
    static final String NOT_IN_NAMES = "[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]";

    @Inject
    MembershipConfig config;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    private volatile Keycloak keycloak;

    public boolean configured() {
        return config.provisioning().clientSecret().isPresent();
    }

    public Outcome match(Account a) {
        UsersResource users = keycloak().realm(realm()).users();
        List<UserRepresentation> found = users.searchByUsername(a.username(), true);
        String[] names = names(a.displayName());
        if (found.isEmpty()) {
            if (!a.active()) {
                return Outcome.NONE;
            }
            UserRepresentation u = new UserRepresentation();
            u.setUsername(a.username());
            u.setFirstName(names[0]);
            u.setLastName(names[1]);
            u.setEmail(a.email());
            u.setEmailVerified(a.email() != null);
            u.setEnabled(true);
            String id;
            try (Response r = users.create(u)) {
                if (r.getStatus() != 201) {
                    throw new Refused("Keycloak refused to create the user: HTTP " + r.getStatus() + " "
                            + r.readEntity(String.class));
                }
                id = CreatedResponseUtil.getCreatedId(r);
            }
            grantMember(users.get(id));
            return Outcome.CREATED;
        }
        UserRepresentation now = found.get(0);
        UserResource user = users.get(now.getId());
        boolean enabled = Boolean.TRUE.equals(now.isEnabled());
        boolean detailsDiffer = !Objects.equals(now.getFirstName(), names[0])
                || !Objects.equals(now.getLastName(), names[1])
                || (a.email() != null && !a.email().equalsIgnoreCase(String.valueOf(now.getEmail())));
        if (a.active()) {
            grantMember(user);
        }
        if (!detailsDiffer && enabled == a.active()) {
            return Outcome.UNCHANGED;
        }
        UserRepresentation change = new UserRepresentation();
        change.setFirstName(names[0]);
        change.setLastName(names[1]);
        change.setEmail(a.email());
        change.setEnabled(a.active());
        call(() -> user.update(change));
        if (!a.active() && enabled) {
            call(user::logout); // signed out everywhere: no session outlives the lapse
        }
        return enabled == a.active() ? Outcome.UPDATED : a.active() ? Outcome.ENABLED : Outcome.DISABLED;
    }

    /** The realm role member, if the user does not hold it (found among the roles they may be given). */
    private void grantMember(UserResource user) {
        List<RoleRepresentation> held = user.roles().realmLevel().listAll();
        if (held.stream().anyMatch(r -> "member".equals(r.getName()))) {
            return;
        }
        List<RoleRepresentation> member = user.roles().realmLevel().listAvailable().stream()
                .filter(r -> "member".equals(r.getName())).toList();
        if (member.isEmpty()) {
            throw new Refused("the realm has no role member to give");
        }
        call(() -> user.roles().realmLevel().add(member));
    }

    /** First name: the first word of the member's name; last name: the rest (Keycloak's fields, for display only). */
    static String[] names(String displayName) {
        String clean = displayName.replaceAll(NOT_IN_NAMES, "").strip().replaceAll("\\s+", " ");
        int space = clean.indexOf(' ');
        return space < 0 ? new String[] { clean, null } : new String[] { clean.substring(0, space), clean.substring(space + 1) };
    }

    private static void call(Runnable r) {
        try {
            r.run();
        } catch (WebApplicationException e) {
            throw new Refused("Keycloak answered HTTP " + e.getResponse().getStatus() + ": " + e.getMessage());
        }
    }

    String realm() {
        return realmUrl.replaceFirst("^.*/realms/([^/]+)/?$", "$1");
    }

    String serverUrl() {
        return realmUrl.replaceFirst("/realms/[^/]+/?$", "");
    }

    private Keycloak keycloak() {
        Keycloak k = keycloak;
        if (k == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder().serverUrl(serverUrl()).realm(realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(config.provisioning().clientId())
                            .clientSecret(config.provisioning().clientSecret().orElseThrow(
                                    () -> new Refused("no client secret for " + config.provisioning().clientId())))
                            .build();
                }
                k = keycloak;
            }
        }
        return k;
    }

    void close(@Observes ShutdownEvent event) {
        Keycloak k = keycloak;
        if (k != null) {
            k.close();
        }
    }
}
