package org.evenhand.membership;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a handler's Keycloak realm roles Evenhand makes match their standing (decision 0038): only
 * {@code caseworker} and {@code panel}. An active handler holds the role of each pool they sit in; a
 * deactivated handler, or one in no pool of a role, does not hold it. Every other role ({@code member},
 * {@code nec}, {@code manager}, {@code dpo}, {@code staff} and any the realm adds) is never added nor
 * removed. Plain code (table-tested in {@code HandlerRealmRolesTest}).
 */
public final class HandlerRealmRoles {

    /** The only realm roles Evenhand gives and takes away. */
    public static final Set<String> MANAGED = Set.of("caseworker", "panel");

    /** What to do to a user's realm roles: names to add and names to remove (each only among {@link #MANAGED}). */
    public record Change(Set<String> add, Set<String> remove) {

        public boolean none() {
            return add.isEmpty() && remove.isEmpty();
        }

        /** "+caseworker -panel", for the trail. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            add.forEach(r -> s.append(s.isEmpty() ? "" : " ").append('+').append(r));
            remove.forEach(r -> s.append(s.isEmpty() ? "" : " ").append('-').append(r));
            return s.toString();
        }
    }

    private HandlerRealmRoles() {
    }

    /** The managed roles a handler should hold: those of their pools while active, none otherwise. */
    public static Set<String> wanted(boolean active, Collection<String> poolRoles) {
        Set<String> out = new TreeSet<>();
        if (active) {
            poolRoles.stream().filter(MANAGED::contains).forEach(out::add);
        }
        return out;
    }

    /** The change that makes the roles {@code held} agree with {@code wanted}, touching no role outside {@link #MANAGED}. */
    public static Change change(Collection<String> held, Collection<String> wanted) {
        Set<String> add = new TreeSet<>();
        Set<String> remove = new TreeSet<>();
        for (String role : MANAGED) {
            boolean holds = held.contains(role);
            boolean should = wanted.contains(role);
            if (should && !holds) {
                add.add(role);
            } else if (holds && !should) {
                remove.add(role);
            }
        }
        return new Change(java.util.Collections.unmodifiableSet(add), java.util.Collections.unmodifiableSet(remove));
    }
}
