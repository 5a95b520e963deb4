package org.evenhand.audit.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression with secondary suppression, for every count a report publishes.
 *
 * <p>Cells are named counts; equations say which cells add up to which (a column of groups to
 * its total, the strata of a group to the group, events and non-events to cases, the sanctions
 * of a group to its decided cases). A cell under the threshold is suppressed (primary; zero
 * counts included). Then, until nothing changes, for every equation:
 * <ul>
 * <li>exactly one suppressed cell would be recovered by subtraction, so the smallest published
 * cell of that equation is suppressed too (parts before the total, to spare totals);</li>
 * <li>if the total is published and the suppressed parts add up to less than the threshold, the
 * subtraction would still pin them down to a narrow range (to zero, if they are all zero), so
 * another part is suppressed.</li>
 * </ul>
 * Cells that are never published (such as the non-events of a group, which anyone can derive
 * from two published counts) still take part, as cells of their equations, so that what can be
 * derived is protected as well as what is printed. SuppressionAuditTest checks the outcome with a
 * linear-programming attack on the published report.
 */
public final class CellSuppression {

    public enum State {
        PUBLISHED, PRIMARY, SECONDARY
    }

    private record Equation(String whole, List<String> parts) {
    }

    private final Map<String, Long> values = new LinkedHashMap<>();
    private final List<Equation> equations = new ArrayList<>();
    private final Map<String, State> states = new HashMap<>();
    private final Set<String> structural = new java.util.HashSet<>();

    /** Declares a cell; declaring the same cell again must give the same value. */
    public CellSuppression cell(String id, long value) {
        Long old = values.putIfAbsent(id, value);
        if (old != null && old != value) {
            throw new IllegalStateException("cell " + id + " declared as " + old + " and " + value);
        }
        return this;
    }

    /**
     * A structural zero: a count that is zero because its total is zero (no case at all in that
     * stratum). Publishing it tells nobody anything about anyone, so it is not suppressed as small.
     */
    public CellSuppression structuralZero(String id) {
        require(id);
        if (values.get(id) != 0) {
            throw new IllegalStateException("cell " + id + " is not zero");
        }
        structural.add(id);
        return this;
    }

    /** whole = sum of parts (each cell must have been declared). */
    public CellSuppression equation(String whole, List<String> parts) {
        require(whole);
        parts.forEach(this::require);
        if (parts.size() > 0) {
            equations.add(new Equation(whole, List.copyOf(new LinkedHashSet<>(parts))));
        }
        return this;
    }

    private void require(String id) {
        if (!values.containsKey(id)) {
            throw new IllegalStateException("undeclared cell " + id);
        }
    }

    public Map<String, State> apply(int threshold) {
        states.clear();
        values.forEach((id, v) -> states.put(id, v < threshold && !structural.contains(id) ? State.PRIMARY
                : State.PUBLISHED));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                List<String> cells = new ArrayList<>(e.parts());
                cells.add(e.whole());
                List<String> hidden = cells.stream().filter(this::suppressed).toList();
                if (hidden.isEmpty()) {
                    continue;
                }
                boolean exposed = hidden.size() == 1;
                if (!exposed && !suppressed(e.whole())) {
                    long residual = hidden.stream().mapToLong(values::get).sum();
                    exposed = residual < threshold;
                }
                if (exposed) {
                    // A structural zero protects nothing: everyone knows it is zero.
                    String next = e.parts().stream().filter(c -> !suppressed(c) && !structural.contains(c))
                            .min(Comparator.comparingLong((String c) -> values.get(c)).thenComparing(c -> c))
                            .orElse(suppressed(e.whole()) || structural.contains(e.whole()) ? null : e.whole());
                    if (next != null) {
                        states.put(next, State.SECONDARY);
                        changed = true;
                    }
                }
            }
        }
        return Map.copyOf(states);
    }

    public boolean suppressed(String id) {
        State s = states.get(id);
        return s != null && s != State.PUBLISHED;
    }

    public State state(String id) {
        return states.get(id);
    }

    public long value(String id) {
        return values.get(id);
    }

    public Set<String> cells() {
        return values.keySet();
    }

    public long count(State state) {
        return states.values().stream().filter(s -> s == state).count();
    }
}
