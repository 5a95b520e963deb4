package org.evenhand.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule for a handler's Keycloak realm roles (decision 0038), as a table: for the roles a user holds and
 * the handler's standing (active or not, the roles of their pools), which roles are added and which removed;
 * only caseworker and panel ever are, whatever else the user holds or the pools name.
 */
@Tag("fast")
class HandlerRealmRolesTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // held, active, pool roles -> add, remove
                Arguments.of(Set.of("member"), true, List.of("caseworker"), Set.of("caseworker"), Set.of()),
                Arguments.of(Set.of("member"), true, List.of("caseworker", "panel"), Set.of("caseworker", "panel"), Set.of()),
                Arguments.of(Set.of("member", "caseworker"), true, List.of("caseworker"), Set.of(), Set.of()),
                Arguments.of(Set.of("member", "caseworker"), false, List.of("caseworker"), Set.of(), Set.of("caseworker")),
                Arguments.of(Set.of("caseworker", "panel"), false, List.of("caseworker", "panel"), Set.of(),
                        Set.of("caseworker", "panel")),
                Arguments.of(Set.of("member", "caseworker"), true, List.of("panel"), Set.of("panel"), Set.of("caseworker")),
                Arguments.of(Set.of("member"), false, List.of("caseworker"), Set.of(), Set.of()),
                // a manager's pool gives no managed role, and the manager role is never taken away
                Arguments.of(Set.of("manager"), true, List.of("manager"), Set.of(), Set.of()),
                Arguments.of(Set.of("manager", "caseworker"), false, List.of("manager", "caseworker"), Set.of(),
                        Set.of("caseworker")),
                // other roles are never touched, held or not, active or not
                Arguments.of(Set.of("nec", "member", "dpo", "staff", "caseworker"), false, List.of(), Set.of(),
                        Set.of("caseworker")),
                Arguments.of(Set.of("nec", "member", "dpo", "staff"), true, List.of("panel"), Set.of("panel"), Set.of()),
                Arguments.of(Set.of("panel", "offline_access"), true, List.of(), Set.of(), Set.of("panel")),
                Arguments.of(Set.of(), true, List.of(), Set.of(), Set.of()));
    }

    @ParameterizedTest(name = "{0}, active {1}, pools {2}: add {3}, remove {4}")
    @MethodSource("table")
    void theManagedRolesFollowTheStanding(Set<String> held, boolean active, List<String> poolRoles, Set<String> add,
            Set<String> remove) {
        HandlerRealmRoles.Change change = HandlerRealmRoles.change(held, HandlerRealmRoles.wanted(active, poolRoles));
        assertEquals(add, change.add(), "added");
        assertEquals(remove, change.remove(), "removed");
        assertEquals(add.isEmpty() && remove.isEmpty(), change.none());
    }

    @Test
    void noRoleOutsideCaseworkerAndPanelIsEverAddedOrRemoved() {
        List<String> all = List.of("member", "nec", "manager", "dpo", "staff", "caseworker", "panel", "membership-sync",
                "default-roles-evenhand", "uma_authorization");
        for (boolean active : List.of(true, false)) {
            for (int heldMask = 0; heldMask < 1 << all.size(); heldMask += 7) {
                for (int poolMask = 0; poolMask < 1 << all.size(); poolMask += 13) {
                    int h = heldMask;
                    int p = poolMask;
                    Set<String> held = Set.copyOf(all.stream().filter(r -> (h & 1 << all.indexOf(r)) != 0).toList());
                    List<String> pools = all.stream().filter(r -> (p & 1 << all.indexOf(r)) != 0).toList();
                    HandlerRealmRoles.Change c = HandlerRealmRoles.change(held, HandlerRealmRoles.wanted(active, pools));
                    assertTrue(HandlerRealmRoles.MANAGED.containsAll(c.add()), c.toString());
                    assertTrue(HandlerRealmRoles.MANAGED.containsAll(c.remove()), c.toString());
                    c.add().forEach(r -> assertFalse(held.contains(r), "adds only what is not held"));
                    c.remove().forEach(r -> assertTrue(held.contains(r), "removes only what is held"));
                }
            }
        }
    }

    @Test
    void theChangeReadsOnTheTrailAsPlusAndMinus() {
        assertEquals("+panel -caseworker", HandlerRealmRoles.change(Set.of("caseworker", "nec"),
                HandlerRealmRoles.wanted(true, List.of("panel", "manager"))).toString());
    }
}
