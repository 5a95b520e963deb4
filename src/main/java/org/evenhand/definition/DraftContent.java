package org.evenhand.definition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.evenhand.common.CheckedTogether;

/**
 * What a draft of the definition holds: everything a published version holds but its id and dates,
 * which publication gives it. The command of saving a draft (API and pages alike); it is checked
 * by {@link DefinitionRules}, the rules the repository's files keep, each refusal at its own field
 * ("clauses[2].tier") in the words of ValidationMessages.properties.
 */
@CheckedTogether
public record DraftContent(String title, String introduction, List<String> summaryOfChanges,
        List<DefinitionVersion.Clause> clauses, List<DefinitionVersion.Factor> factors,
        List<DefinitionVersion.NotAbuse> notAbuse, List<DefinitionVersion.Sanction> sanctions,
        Map<String, List<String>> tierSanctions) implements CheckedTogether.Rules {

    /** A published version's content, to start a draft from. */
    public static DraftContent of(DefinitionVersion v) {
        return new DraftContent(v.title(), v.introduction(), v.summaryOfChanges(), v.clauses(), v.factors(),
                v.notAbuse(), v.sanctions(), v.tierSanctions()).normalized();
    }

    /** The content as it will be kept: text without surrounding space, no missing lists, tiers in order. */
    public DraftContent normalized() {
        Map<String, List<String>> tiers = new TreeMap<>();
        if (tierSanctions != null) {
            tierSanctions.forEach((k, v) -> tiers.put(strip(k), strings(v)));
        }
        return new DraftContent(strip(title), strip(introduction), strings(summaryOfChanges),
                list(clauses).stream().map(c -> c == null ? null : new DefinitionVersion.Clause(strip(c.id()),
                        strip(c.title()), strip(c.test()), c.tier(), strings(c.breachExamples()),
                        strings(c.notBreachExamples()), strings(c.aggravating()), strings(c.mitigating()))).toList(),
                list(factors).stream().map(f -> f == null ? null : new DefinitionVersion.Factor(strip(f.id()),
                        strip(f.kind()), strip(f.title()), strip(f.description()))).toList(),
                list(notAbuse).stream().map(n -> n == null ? null : new DefinitionVersion.NotAbuse(strip(n.id()),
                        strip(n.title()), strip(n.description()), strings(n.examples()))).toList(),
                list(sanctions).stream().map(s -> s == null ? null : new DefinitionVersion.Sanction(strip(s.id()),
                        s.rung(), strip(s.title()), strip(s.description()), s.expiresAfterMonths(), s.maxMonths()))
                        .toList(),
                tiers);
    }

    /** The content as a version with this id and these dates (a draft shown or compared: no id, no dates yet). */
    public DefinitionVersion asVersion(String id, LocalDate effectiveFrom, LocalDate publishedAt) {
        DraftContent c = normalized();
        return new DefinitionVersion(id, c.title, effectiveFrom, publishedAt, c.summaryOfChanges, c.introduction,
                c.clauses, c.factors, c.notAbuse, c.sanctions, c.tierSanctions);
    }

    /** The fields given here put onto {@code current}, whose other fields are kept (a PATCH). */
    public DraftContent onto(DraftContent current) {
        return new DraftContent(title != null ? title : current.title,
                introduction != null ? introduction : current.introduction,
                summaryOfChanges != null ? summaryOfChanges : current.summaryOfChanges,
                clauses != null ? clauses : current.clauses, factors != null ? factors : current.factors,
                notAbuse != null ? notAbuse : current.notAbuse, sanctions != null ? sanctions : current.sanctions,
                tierSanctions != null ? tierSanctions : current.tierSanctions);
    }

    public DraftContent withClauses(List<DefinitionVersion.Clause> list) {
        return new DraftContent(title, introduction, summaryOfChanges, list, factors, notAbuse, sanctions, tierSanctions);
    }

    public DraftContent withFactors(List<DefinitionVersion.Factor> list) {
        return new DraftContent(title, introduction, summaryOfChanges, clauses, list, notAbuse, sanctions, tierSanctions);
    }

    public DraftContent withNotAbuse(List<DefinitionVersion.NotAbuse> list) {
        return new DraftContent(title, introduction, summaryOfChanges, clauses, factors, list, sanctions, tierSanctions);
    }

    public DraftContent withLadder(List<DefinitionVersion.Sanction> list, Map<String, List<String>> tiers) {
        return new DraftContent(title, introduction, summaryOfChanges, clauses, factors, notAbuse, list, tiers);
    }

    /** The same content with another summary of changes: what a draft is compared with to see if it changes anything. */
    public DraftContent withSummary(List<String> summary) {
        return new DraftContent(title, introduction, summary, clauses, factors, notAbuse, sanctions, tierSanctions);
    }

    @Override
    public void check(CheckedTogether.Refusals refuse) {
        if (Stream.of(clauses, factors, notAbuse, sanctions)
                .anyMatch(l -> l != null && l.stream().anyMatch(Objects::isNull))) {
            refuse.at("clauses", "{definition.items.null}");
            return;
        }
        for (DefinitionRules.Fault f : DefinitionRules.check(asVersion(null, null, null))) {
            String message = "{" + f.key() + "}";
            if (f.list() == null) {
                refuse.at(f.property(), message, f.item());
            } else {
                refuse.at(f.list(), f.index(), f.property(), message, f.item());
            }
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static List<String> strings(List<String> l) {
        return l == null ? List.of() : l.stream().map(DraftContent::strip).toList();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
