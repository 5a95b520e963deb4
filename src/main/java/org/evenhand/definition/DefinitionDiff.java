package org.evenhand.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What changed between two published versions, item by item and field by field. */
public record DefinitionDiff(String from, String to, List<String> summaryOfChanges, Section clauses,
        Section factors, Section notAbuse, Section sanctions, boolean tierSanctionsChanged) {

    public record Section(List<String> added, List<String> removed, List<Changed> changed) {
    }

    public record Changed(String id, List<String> fields) {
    }

    static DefinitionDiff between(DefinitionVersion a, DefinitionVersion b, ObjectMapper json) {
        return new DefinitionDiff(a.id(), b.id(), b.summaryOfChanges(),
                section(a.clauses(), b.clauses(), DefinitionVersion.Clause::id, json),
                section(a.factors(), b.factors(), DefinitionVersion.Factor::id, json),
                section(a.notAbuse(), b.notAbuse(), DefinitionVersion.NotAbuse::id, json),
                section(a.sanctions(), b.sanctions(), DefinitionVersion.Sanction::id, json),
                !Objects.equals(a.tierSanctions(), b.tierSanctions()));
    }

    private static <T> Section section(List<T> before, List<T> after, Function<T, String> id, ObjectMapper json) {
        Map<String, T> old = index(before, id);
        Map<String, T> now = index(after, id);
        List<String> added = now.keySet().stream().filter(k -> !old.containsKey(k)).toList();
        List<String> removed = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        List<Changed> changed = new ArrayList<>();
        for (Map.Entry<String, T> e : now.entrySet()) {
            T was = old.get(e.getKey());
            if (was != null && !was.equals(e.getValue())) {
                Map<?, ?> x = json.convertValue(was, Map.class);
                Map<?, ?> y = json.convertValue(e.getValue(), Map.class);
                List<String> fields = y.keySet().stream().map(String::valueOf)
                        .filter(f -> !Objects.equals(x.get(f), y.get(f))).toList();
                changed.add(new Changed(e.getKey(), fields));
            }
        }
        return new Section(added, removed, changed);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(id.apply(i), i));
        return map;
    }
}
