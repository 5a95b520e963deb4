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
 * member's user is disabled and signed out. A user is never deleted. A handler's realm roles
 * {@code caseworker} and {@code panel} follow their standing (HandlerRealmRoles, decision 0038); no
 * other role is ever taken away.
 */
@ApplicationScoped
public class KeycloakAccounts {

    /**
     * A member as their Keycloak user should be; {@code handlerRoles}: the realm roles among
     * {@link HandlerRealmRoles#MANAGED} they should hold as a handler, or null if they are no handler
     * (their roles are then left as they are).
     */
    public record Account(String username, String displayName, String email, boolean active,
            java.util.Set<String> handlerRoles) {
    }

    /** What was done to the user, and to their handler's realm roles (none if nothing). */
    public record Result(Outcome outcome, HandlerRealmRoles.Change roles) {
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

    public Result match(Account a) {
        UsersResource users = keycloak().realm(realm()).users();
        List<UserRepresentation> found = users.searchByUsername(a.username(), true);
        String[] names = names(a.displayName());
        if (found.isEmpty()) {
            if (!a.active()) {
                return new Result(Outcome.NONE, NO_CHANGE);
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
            return new Result(Outcome.CREATED, matchHandlerRoles(users.get(id), a));
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
        HandlerRealmRoles.Change roles = matchHandlerRoles(user, a);
        if (!detailsDiffer && enabled == a.active()) {
            return new Result(Outcome.UNCHANGED, roles);
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
        return new Result(enabled == a.active() ? Outcome.UPDATED : a.active() ? Outcome.ENABLED : Outcome.DISABLED,
                roles);
    }

    static final HandlerRealmRoles.Change NO_CHANGE = new HandlerRealmRoles.Change(java.util.Set.of(), java.util.Set.of());

    /**
     * A handler's caseworker and panel realm roles made to match their standing (HandlerRealmRoles);
     * no other role is added or removed, and a member who is no handler is left alone.
     */
    private HandlerRealmRoles.Change matchHandlerRoles(UserResource user, Account a) {
        if (a.handlerRoles() == null) {
            return NO_CHANGE;
        }
        List<RoleRepresentation> held = user.roles().realmLevel().listAll();
        HandlerRealmRoles.Change change = HandlerRealmRoles.change(held.stream().map(RoleRepresentation::getName).toList(),
                a.handlerRoles());
        if (!change.remove().isEmpty()) {
            List<RoleRepresentation> remove = held.stream().filter(r -> change.remove().contains(r.getName())).toList();
            call(() -> user.roles().realmLevel().remove(remove));
        }
        if (!change.add().isEmpty()) {
            List<RoleRepresentation> add = user.roles().realmLevel().listAvailable().stream()
                    .filter(r -> change.add().contains(r.getName())).toList();
            if (add.size() != change.add().size()) {
                throw new Refused("the realm has no role " + change.add() + " to give");
            }
            call(() -> user.roles().realmLevel().add(add));
        }
        return change;
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
