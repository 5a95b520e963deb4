package org.evenhand.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.evenhand.web.Formats;

/** The NEC's draft pages as they show a draft: every id resolved to its title, the ladder in rung order. */
final class DraftViews {

    private DraftViews() {
    }

    /** A draft in the list of drafts (its state as stored: the template says it in words). */
    public record Row(long id, String basedOn, String state, String updated, String updatedBy, String effective,
            String proposedBy, String publishedVersion) {
    }

    public record ClauseRow(String id, String title, String tierLabel, String href) {
    }

    public record ItemRow(String id, String title, String kind, String href) {
    }

    public record Rung(String id, int rung, String title, String limit) {
    }

    public record TierRow(int tier, String label, List<String> sanctions) {
    }

    /** The draft page: where it stands, what it holds, and what the reader may do with it. */
    public record Overview(DefinitionDrafts.Draft draft, String created, String updated,
            String proposedWhen, String effective, List<ClauseRow> clauses, List<ItemRow> factors, List<ItemRow> notAbuse,
            List<Rung> ladder, List<TierRow> tiers, boolean ownRequest, String earliestIso, String earliest,
            String done) {

        public boolean editing() {
            return draft.editing();
        }

        public boolean proposed() {
            return draft.proposed();
        }
    }

    static Row row(DefinitionDrafts.Draft d) {
        return new Row(d.id(), d.basedOn(), d.state(), Formats.when(d.updatedAt()), d.updatedBy(),
                Formats.date(d.effectiveFrom()), d.proposedBy(), d.publishedVersion());
    }

    static Overview overview(DefinitionDrafts.Draft d, String viewer, java.time.LocalDate earliest, String done) {
        DraftContent c = d.content();
        String base = "/nec/definition/drafts/" + d.id() + "/edit";
        List<ClauseRow> clauses = c.clauses().stream().map(x -> new ClauseRow(x.id(), x.title(),
                DefinitionPage.tierLabel(x.tier()), base + "/clause?id=" + x.id())).toList();
        List<ItemRow> factors = c.factors().stream().map(f -> new ItemRow(f.id(), f.title(),
                "aggravating".equals(f.kind()) ? "Aggravating" : "Mitigating", base + "/factor?id=" + f.id())).toList();
        List<ItemRow> notAbuse = c.notAbuse().stream().map(n -> new ItemRow(n.id(), n.title(), "",
                base + "/not-abuse?id=" + n.id())).toList();
        List<Rung> ladder = c.sanctions().stream().sorted(Comparator.comparingInt(DefinitionVersion.Sanction::rung))
                .map(s -> new Rung(s.id(), s.rung(), s.title(), Definitions.limit(s))).toList();
        return new Overview(d, Formats.when(d.createdAt()), Formats.when(d.updatedAt()),
                Formats.when(d.proposedAt()), Formats.date(d.effectiveFrom()), clauses, factors, notAbuse, ladder,
                tiers(c), Objects.equals(viewer, d.proposedBy()), earliest.toString(), Formats.date(earliest), done);
    }

    static List<TierRow> tiers(DraftContent c) {
        List<TierRow> rows = new ArrayList<>();
        Map<String, List<String>> tiers = c.tierSanctions();
        for (int t = 1; t <= DefinitionRules.TIERS; t++) {
            List<String> titles = tiers.getOrDefault(Integer.toString(t), List.of()).stream()
                    .map(id -> c.sanctions().stream().filter(s -> s.id().equals(id)).findFirst()
                            .map(DefinitionVersion.Sanction::title).orElse(id)).toList();
            rows.add(new TierRow(t, DefinitionPage.tierLabel(t), titles));
        }
        return rows;
    }
}
