package org.evenhand.definition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionCatalog;
import org.evenhand.web.Formats;
import org.evenhand.definition.DefinitionVersion;

/** The definition of abuse as the forms need it: clause pickers, the not-abuse band, the sanction ladder. */
@ApplicationScoped
public class Definitions {

    public record ClauseOption(String id, String title, String test, int tier, String tierLabel, String href) {
    }

    public record NotAbuseEntry(String id, String title, String description, String href) {
    }

    /** One version's clauses for a picker, with the conduct dates it applies to. */
    public record VersionClauses(String id, LocalDate from, LocalDate until, String appliesTo, boolean shown,
            List<ClauseOption> clauses, List<NotAbuseEntry> notAbuse) {

        public String fromIso() {
            return from.toString();
        }

        /** The last day it applies to, or empty when it is the latest. */
        public String untilIso() {
            return until == null ? "" : until.toString();
        }
    }

    /** A rung of the ladder, marked when the clauses in question allow it. */
    public record Rung(String id, int rung, String title, String description, String limit, boolean allowed,
            Integer maxMonths) {
    }

    @Inject
    DefinitionCatalog catalog;
    @Inject
    Citations citations;
    @Inject
    TimeSource time;

    public DefinitionVersion version(String id) {
        return citations.version(id);
    }

    public Optional<DefinitionVersion> inForceOn(LocalDate date) {
        return catalog.inForceOn(date);
    }

    public DefinitionVersion current() {
        return catalog.current(time.today());
    }

    /** Every published version's clauses; the one in force on {@code date} (or today) is shown. */
    public List<VersionClauses> pickers(LocalDate date) {
        DefinitionVersion shown = (date == null ? Optional.<DefinitionVersion>empty() : catalog.inForceOn(date))
                .orElse(current());
        List<DefinitionVersion> all = catalog.versions();
        List<VersionClauses> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            DefinitionVersion v = all.get(i);
            LocalDate until = i + 1 < all.size() ? all.get(i + 1).effectiveFrom().minusDays(1) : null;
            String applies = "conduct " + (until == null ? "on or after " + Formats.date(v.effectiveFrom())
                    : "from " + Formats.date(v.effectiveFrom()) + " to " + Formats.date(until));
            out.add(new VersionClauses(v.id(), v.effectiveFrom(), until, applies, v.id().equals(shown.id()),
                    clauses(v, v.clauses().stream().map(DefinitionVersion.Clause::id).toList()), notAbuse(v)));
        }
        return out;
    }

    public List<ClauseOption> clauses(DefinitionVersion v, Collection<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(id -> v.clause(id).map(c -> new ClauseOption(c.id(), c.title(), c.test(), c.tier(),
                DefinitionPage.tierLabel(c.tier()), "/definition/" + v.id() + "#" + c.id()))
                .orElse(new ClauseOption(id, id, "", 0, "", "/definition/" + v.id()))).toList();
    }

    public List<NotAbuseEntry> notAbuse(DefinitionVersion v) {
        return v.notAbuse().stream().map(n -> new NotAbuseEntry(n.id(), n.title(), n.description(),
                "/definition/" + v.id() + "#not-abuse-" + n.id())).toList();
    }

    /** The whole ladder, lowest rung first, with the rungs allowed when these clauses are upheld marked. */
    public List<Rung> ladder(DefinitionVersion v, Collection<String> upheld) {
        List<String> allowed = citations.allowedSanctions(v, upheld);
        return v.sanctions().stream().sorted((a, b) -> Integer.compare(a.rung(), b.rung()))
                .map(s -> new Rung(s.id(), s.rung(), s.title(), s.description(), limit(s), allowed.contains(s.id()),
                        s.maxMonths()))
                .toList();
    }

    public String sanctionTitle(String versionId, String sanction) {
        return sanction == null ? "" : version(versionId).sanction(sanction).map(DefinitionVersion.Sanction::title)
                .orElse(sanction);
    }

    public String clauseTitle(String versionId, String clause) {
        return version(versionId).clause(clause).map(DefinitionVersion.Clause::title).orElse(clause);
    }

    /** The gravest tier among these clauses (0 when none). */
    public int tier(DefinitionVersion v, Collection<String> clauses) {
        return clauses == null ? 0 : clauses.stream().map(v::clause).flatMap(Optional::stream)
                .mapToInt(DefinitionVersion.Clause::tier).max().orElse(0);
    }

    /** "Tier 3 — serious" for a tier. */
    public String tierLabel(int tier) {
        return DefinitionPage.tierLabel(tier);
    }

    /** "Tier 3 — serious" for the gravest of these clauses. */
    public String tierLabel(DefinitionVersion v, Collection<String> clauses) {
        return DefinitionPage.tierLabel(tier(v, clauses));
    }

    static String limit(DefinitionVersion.Sanction s) {
        if (s.expiresAfterMonths() != null) {
            return "Expires after " + s.expiresAfterMonths() + " months";
        }
        if (s.maxMonths() != null) {
            return "At most " + s.maxMonths() + " months";
        }
        return null;
    }
}
