package org.evenhand.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.Interference;
import org.evenhand.casework.InterferenceRecords;

/**
 * The report's section on recorded contacts about cases (the interference firewall), from
 * casework's counts. The totals are published; in each breakdown (by the role of the person who
 * made contact, by channel) a count from 1 to the threshold less one is suppressed, and if that
 * leaves one suppressed part, the smallest other part too, so the total does not give it away.
 */
final class InterferenceSection {

    private InterferenceSection() {
    }

    static Interference of(InterferenceRecords.Counts c, int threshold, boolean filtered) {
        boolean few = c.records() > 0 && c.records() < threshold;
        return new Interference("Contacts about cases recorded by their handlers (who, in what capacity, how, what"
                + " was asked), by date of contact in the period, for the whole party"
                + (filtered ? " (not limited to the region or CLP chosen)" : "") + ". Every contact is on the case"
                + " record and the action trail; these are the counts.", small(c.records(), threshold),
                small(c.cases(), threshold), breakdown(c.byContactKind(), few ? Integer.MAX_VALUE : threshold),
                breakdown(c.byChannel(), few ? Integer.MAX_VALUE : threshold));
    }

    private static Count small(long v, int threshold) {
        return v > 0 && v < threshold ? new Count(null, "primary") : Count.of(v);
    }

    /** Parts of a total that is published (or, with threshold MAX_VALUE, of one that is not: all hidden). */
    static Map<String, Count> breakdown(Map<String, Long> parts, int threshold) {
        Map<String, Count> out = new LinkedHashMap<>();
        List<String> hidden = new ArrayList<>();
        parts.forEach((k, v) -> {
            if (v > 0 && v < threshold) {
                hidden.add(k);
                out.put(k, new Count(null, "primary"));
            } else {
                out.put(k, Count.of(v));
            }
        });
        if (hidden.size() == 1) {
            parts.entrySet().stream().filter(e -> !hidden.contains(e.getKey()) && e.getValue() > 0)
                    .min(Comparator.comparingLong(Map.Entry<String, Long>::getValue))
                    .ifPresent(e -> out.put(e.getKey(), new Count(null, "secondary")));
        }
        return out;
    }
}
