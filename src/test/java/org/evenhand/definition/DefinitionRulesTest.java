package org.evenhand.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules a version keeps, one table: each row breaks one rule in a copy of version 2026.1 and
 * names the field at fault and the words. The repository's versions keep every rule (the loader
 * refuses to start otherwise), and every rule's words exist.
 */
@Tag("fast")
class DefinitionRulesTest {

    static final DefinitionVersion V = PublishedDefinition.version("2026.1");

    static DefinitionVersion with(UnaryOperator<DraftContent> change) {
        return change.apply(DraftContent.of(V)).asVersion("2099.1", V.effectiveFrom(), V.publishedAt());
    }

    static DefinitionVersion.Clause clause(int i) {
        return V.clauses().get(i);
    }

    static DraftContent clauseAt(DraftContent c, int i, DefinitionVersion.Clause replacement) {
        List<DefinitionVersion.Clause> list = new ArrayList<>(c.clauses());
        list.set(i, replacement);
        return c.withClauses(list);
    }

    static DefinitionVersion.Clause tier(DefinitionVersion.Clause c, int tier) {
        return new DefinitionVersion.Clause(c.id(), c.title(), c.test(), tier, c.breachExamples(), c.notBreachExamples(),
                c.aggravating(), c.mitigating());
    }

    static DefinitionVersion.Clause renamed(DefinitionVersion.Clause c, String id) {
        return new DefinitionVersion.Clause(id, c.title(), c.test(), c.tier(), c.breachExamples(), c.notBreachExamples(),
                c.aggravating(), c.mitigating());
    }

    static Map<String, List<String>> tiers(String tier, List<String> sanctions) {
        Map<String, List<String>> m = new TreeMap<>(V.tierSanctions());
        if (sanctions == null) {
            m.remove(tier);
        } else {
            m.put(tier, sanctions);
        }
        return m;
    }

    static Arguments row(String name, UnaryOperator<DraftContent> change, String path, String key) {
        return Arguments.of(name, change, path, key);
    }

    static Stream<Arguments> broken() {
        DefinitionVersion.Clause harassment = clause(1);
        DefinitionVersion.Sanction warning = V.sanction("formal-warning").orElseThrow();
        return Stream.of(
                row("no title", c -> new DraftContent(" ", c.introduction(), c.summaryOfChanges(), c.clauses(),
                        c.factors(), c.notAbuse(), c.sanctions(), c.tierSanctions()), "title", "definition.title.required"),
                row("a title of 201 characters", c -> new DraftContent("t".repeat(201), c.introduction(),
                        c.summaryOfChanges(), c.clauses(), c.factors(), c.notAbuse(), c.sanctions(), c.tierSanctions()),
                        "title", "definition.title.size"),
                row("no summary of changes", c -> c.withSummary(List.of()), "summaryOfChanges",
                        "definition.summary.required"),
                row("an empty line of summary", c -> c.withSummary(List.of("Changed.", " ")), "summaryOfChanges",
                        "definition.summary.line"),
                row("no clause", c -> c.withClauses(List.of()), "clauses", "definition.clauses.count"),
                row("a clause with no tier", c -> clauseAt(c, 1, tier(harassment, 0)), "clauses[1].tier",
                        "definition.clause.tier"),
                row("a clause of tier 5", c -> clauseAt(c, 1, tier(harassment, 5)), "clauses[1].tier",
                        "definition.clause.tier"),
                row("a tier the ladder allows nothing for", c -> c.withLadder(c.sanctions(), tiers("3", null)),
                        "clauses[1].tier", "definition.clause.tier.noSanctions"),
                row("two clauses with one id: the first is at fault", c -> clauseAt(c, 2, renamed(clause(2), "harassment")),
                        "clauses[1].id", "definition.item.id.twice"),
                row("two clauses with one id: the second too", c -> clauseAt(c, 2, renamed(clause(2), "harassment")),
                        "clauses[2].id", "definition.item.id.twice"),
                row("an id with capitals", c -> clauseAt(c, 0, renamed(clause(0), "Violent-Threat")), "clauses[0].id",
                        "definition.item.id"),
                row("an id with a space", c -> clauseAt(c, 0, renamed(clause(0), "violent threat")), "clauses[0].id",
                        "definition.item.id"),
                row("no test", c -> clauseAt(c, 1, new DefinitionVersion.Clause("harassment", "Harassment", "", 3,
                        List.of(), List.of(), List.of(), List.of())), "clauses[1].test", "definition.clause.test.required"),
                row("a mitigating factor named as aggravating", c -> clauseAt(c, 1, new DefinitionVersion.Clause(
                        "harassment", "Harassment", "A test.", 3, List.of(), List.of(), List.of("apology"), List.of())),
                        "clauses[1].aggravating", "definition.clause.aggravating.unknown"),
                row("an unknown mitigating factor", c -> clauseAt(c, 1, new DefinitionVersion.Clause("harassment",
                        "Harassment", "A test.", 3, List.of(), List.of(), List.of(), List.of("good-character"))),
                        "clauses[1].mitigating", "definition.clause.mitigating.unknown"),
                row("a factor named twice", c -> clauseAt(c, 1, new DefinitionVersion.Clause("harassment",
                        "Harassment", "A test.", 3, List.of(), List.of(), List.of("repetition", "repetition"), List.of())),
                        "clauses[1].aggravating", "definition.clause.factor.twice"),
                row("an empty example", c -> clauseAt(c, 1, new DefinitionVersion.Clause("harassment", "Harassment",
                        "A test.", 3, List.of("One.", ""), List.of(), List.of(), List.of())), "clauses[1].breachExamples",
                        "definition.examples.example"),
                row("31 examples", c -> clauseAt(c, 1, new DefinitionVersion.Clause("harassment", "Harassment",
                        "A test.", 3, List.of(), java.util.Collections.nCopies(31, "Fine."), List.of(), List.of())),
                        "clauses[1].notBreachExamples", "definition.examples.count"),
                row("a factor neither aggravating nor mitigating", c -> c.withFactors(Stream.concat(c.factors().stream(),
                        Stream.of(new DefinitionVersion.Factor("luck", "neutral", "Luck", "Bad luck."))).toList()),
                        "factors[11].kind", "definition.factor.kind"),
                row("nothing that is not abuse", c -> c.withNotAbuse(List.of()), "notAbuse", "definition.notAbuse.count"),
                row("a not-abuse entry with no description", c -> c.withNotAbuse(List.of(new DefinitionVersion.NotAbuse(
                        "satire", "Satire", null, List.of()))), "notAbuse[0].description",
                        "definition.item.description.required"),
                row("a ladder without no-action", c -> c.withLadder(c.sanctions().stream()
                        .filter(s -> !s.id().equals("no-action")).toList(), tiers("1", List.of("advice-training"))
                        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> e.getValue().stream().filter(x -> !x.equals("no-action")).toList()))),
                        "sanctions", "definition.ladder.noAction"),
                row("two sanctions on one rung", c -> c.withLadder(c.sanctions().stream().map(s -> s.id()
                        .equals("formal-warning") ? new DefinitionVersion.Sanction(s.id(), 1, s.title(), s.description(),
                                s.expiresAfterMonths(), s.maxMonths()) : s).toList(), c.tierSanctions()),
                        "sanctions[2].rung", "definition.sanction.rung.twice"),
                row("a negative rung", c -> c.withLadder(c.sanctions().stream().map(s -> s.id().equals("formal-warning")
                        ? new DefinitionVersion.Sanction(s.id(), -1, s.title(), s.description(), null, null) : s).toList(),
                        c.tierSanctions()), "sanctions[2].rung", "definition.sanction.rung"),
                row("a warning that expires after 0 months", c -> c.withLadder(c.sanctions().stream().map(s -> s.id()
                        .equals("formal-warning") ? new DefinitionVersion.Sanction(s.id(), s.rung(), s.title(),
                                s.description(), 0, null) : s).toList(), c.tierSanctions()),
                        "sanctions[2].expiresAfterMonths", "definition.sanction.months"),
                row("a tier 5 on the ladder", c -> c.withLadder(c.sanctions(), tiers("5", List.of("no-action"))),
                        "tierSanctions", "definition.ladder.tier"),
                row("a tier naming a sanction that is not on the ladder", c -> c.withLadder(c.sanctions(),
                        tiers("2", List.of("no-action", "expulsion"))), "tierSanctions", "definition.ladder.sanction"),
                row("a tier naming a sanction twice", c -> c.withLadder(c.sanctions(), tiers("2", List.of(
                        warning.id(), warning.id()))), "tierSanctions", "definition.ladder.sanction"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("broken")
    void eachRuleNamesItsField(String name, UnaryOperator<DraftContent> change, String path, String key) {
        List<DefinitionRules.Fault> faults = DefinitionRules.check(with(change));
        assertTrue(faults.stream().anyMatch(f -> f.path().equals(path) && f.key().equals(key)),
                name + ": expected " + path + " " + key + ", got " + faults);
        assertTrue(faults.stream().noneMatch(f -> f.words().contains("{") || f.words().endsWith(f.key())),
                "every fault has words: " + faults.stream().map(DefinitionRules.Fault::words).toList());
    }

    @Test
    void theRepositorysVersionsKeepEveryRule() {
        for (String id : List.of("2024.1", "2026.1")) {
            assertEquals(List.of(), DefinitionRules.check(PublishedDefinition.version(id)), id);
        }
    }

    @Test
    void anUnchangedCopyKeepsEveryRule() {
        assertEquals(List.of(), DefinitionRules.check(with(c -> c)));
    }

    @Test
    void theWordsNameTheValueAtFault() {
        DefinitionRules.Fault f = DefinitionRules.check(with(c -> c.withLadder(c.sanctions(), tiers("5",
                List.of("no-action"))))).get(0);
        assertEquals("tierSanctions: The ladder has tiers 1 to 4 only (\u201c5\u201d is not a tier).", f.words());
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put(f.path(), f.key());
        assertEquals(Map.of("tierSanctions", "definition.ladder.tier"), seen);
    }
}
