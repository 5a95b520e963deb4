package org.evenhand.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One line for the trail saying what a save changed: "clause harassment changed; sanction x added". */
final class DraftOutline {

    private DraftOutline() {
    }

    static String of(DefinitionVersion before, DefinitionVersion after, ObjectMapper json) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) {
            parts.add("title changed");
        }
        if (!Objects.equals(before.introduction(), after.introduction())) {
            parts.add("introduction changed");
        }
        if (!Objects.equals(before.summaryOfChanges(), after.summaryOfChanges())) {
            parts.add("summary of changes changed");
        }
        DefinitionDiff d = DefinitionDiff.between(before, after, json);
        section(parts, "clause", d.clauses());
        section(parts, "factor", d.factors());
        section(parts, "not-abuse entry", d.notAbuse());
        section(parts, "sanction", d.sanctions());
        if (d.tierSanctionsChanged()) {
            parts.add("sanctions allowed by tier changed");
        }
        return parts.isEmpty() ? "order changed" : String.join("; ", parts);
    }

    private static void section(List<String> parts, String noun, DefinitionDiff.Section s) {
        s.added().forEach(id -> parts.add(noun + " " + id + " added"));
        s.removed().forEach(id -> parts.add(noun + " " + id + " removed"));
        s.changed().forEach(c -> parts.add(noun + " " + c.id() + " changed (" + String.join(", ", c.fields()) + ")"));
    }
}
