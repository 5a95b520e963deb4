package org.evenhand.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What makes a version of the definition well formed, written once: the YAML loader refuses to
 * start with a repository file that breaks a rule, and a draft the NEC edits in the pages is
 * refused, field by field, by the same rules (DraftContent reports them through Bean Validation).
 * Plain code: no engine, no database. The words are in ValidationMessages.properties.
 */
public final class DefinitionRules {

    /** Ids of clauses, factors, not-abuse entries and sanctions: lower-case words joined by hyphens. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int ID_MAX = 60;
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 5_000;
    static final int INTRODUCTION_MAX = 20_000;
    static final int EXAMPLE_MAX = 1_000;
    static final int EXAMPLES_MAX = 30;
    static final int SUMMARY_MAX = 30;
    static final int ITEMS_MAX = 100;
    static final int MONTHS_MAX = 600;
    static final int TIERS = 4;

    /**
     * A broken rule: {@code list}[{@code index}].{@code property} (list null: the version's own
     * field {@code property}), the key of its words, and the value the words name.
     */
    public record Fault(String list, int index, String property, String key, String item) {

        /** The path of the field at fault, as Bean Validation names it: "clauses[2].tier", "title". */
        public String path() {
            return list == null ? property : list + "[" + index + "]." + property;
        }

        /** The words in English, for a refusal outside a form (the loader's). */
        public String words() {
            String text;
            try {
                text = ResourceBundle.getBundle("ValidationMessages").getString(key);
            } catch (MissingResourceException e) {
                text = key;
            }
            return path() + ": " + text.replace("{item}", item == null ? "" : item);
        }
    }

    private final List<Fault> faults = new ArrayList<>();

    private DefinitionRules() {
    }

    /** Every rule the version breaks, in the order of its fields; empty when it is well formed. */
    public static List<Fault> check(DefinitionVersion v) {
        DefinitionRules r = new DefinitionRules();
        r.version(v);
        return List.copyOf(r.faults);
    }

    private void version(DefinitionVersion v) {
        text(null, 0, "title", v.title(), TITLE_MAX, "definition.title");
        text(null, 0, "introduction", v.introduction(), INTRODUCTION_MAX, "definition.introduction");
        List<String> summary = list(v.summaryOfChanges());
        if (summary.isEmpty() || summary.size() > SUMMARY_MAX) {
            fault(null, 0, "summaryOfChanges", "definition.summary.required", null);
        }
        for (String line : summary) {
            if (blank(line) || line.length() > TEXT_MAX) {
                fault(null, 0, "summaryOfChanges", "definition.summary.line", null);
                break;
            }
        }
        List<DefinitionVersion.Clause> clauses = list(v.clauses());
        if (clauses.isEmpty() || clauses.size() > ITEMS_MAX) {
            fault(null, 0, "clauses", "definition.clauses.count", null);
        }
        List<DefinitionVersion.Factor> factors = list(v.factors());
        List<DefinitionVersion.NotAbuse> notAbuse = list(v.notAbuse());
        List<DefinitionVersion.Sanction> sanctions = list(v.sanctions());
        if (factors.size() > ITEMS_MAX) {
            fault(null, 0, "factors", "definition.items.count", null);
        }
        if (notAbuse.isEmpty() || notAbuse.size() > ITEMS_MAX) {
            fault(null, 0, "notAbuse", "definition.notAbuse.count", null);
        }
        if (sanctions.size() > ITEMS_MAX) {
            fault(null, 0, "sanctions", "definition.items.count", null);
        }
        ids("clauses", clauses, DefinitionVersion.Clause::id);
        ids("factors", factors, DefinitionVersion.Factor::id);
        ids("notAbuse", notAbuse, DefinitionVersion.NotAbuse::id);
        ids("sanctions", sanctions, DefinitionVersion.Sanction::id);
        Map<String, List<String>> tierSanctions = v.tierSanctions() == null ? Map.of() : v.tierSanctions();
        for (int i = 0; i < clauses.size(); i++) {
            clause(i, clauses.get(i), factors, tierSanctions);
        }
        for (int i = 0; i < factors.size(); i++) {
            DefinitionVersion.Factor f = factors.get(i);
            if (!"aggravating".equals(f.kind()) && !"mitigating".equals(f.kind())) {
                fault("factors", i, "kind", "definition.factor.kind", null);
            }
            text("factors", i, "title", f.title(), TITLE_MAX, "definition.item.title");
            text("factors", i, "description", f.description(), TEXT_MAX, "definition.item.description");
        }
        for (int i = 0; i < notAbuse.size(); i++) {
            DefinitionVersion.NotAbuse n = notAbuse.get(i);
            text("notAbuse", i, "title", n.title(), TITLE_MAX, "definition.item.title");
            text("notAbuse", i, "description", n.description(), TEXT_MAX, "definition.item.description");
            examples("notAbuse", i, "examples", n.examples());
        }
        ladder(sanctions, tierSanctions);
    }

    private void clause(int i, DefinitionVersion.Clause c, List<DefinitionVersion.Factor> factors,
            Map<String, List<String>> tierSanctions) {
        text("clauses", i, "title", c.title(), TITLE_MAX, "definition.item.title");
        text("clauses", i, "test", c.test(), TEXT_MAX, "definition.clause.test");
        if (c.tier() < 1 || c.tier() > TIERS) {
            fault("clauses", i, "tier", "definition.clause.tier", null);
        } else if (list(tierSanctions.get(Integer.toString(c.tier()))).isEmpty()) {
            fault("clauses", i, "tier", "definition.clause.tier.noSanctions", Integer.toString(c.tier()));
        }
        examples("clauses", i, "breachExamples", c.breachExamples());
        examples("clauses", i, "notBreachExamples", c.notBreachExamples());
        factorsOfKind(i, "aggravating", c.aggravating(), factors);
        factorsOfKind(i, "mitigating", c.mitigating(), factors);
    }

    private void factorsOfKind(int clause, String kind, List<String> named, List<DefinitionVersion.Factor> factors) {
        Set<String> seen = new HashSet<>();
        for (String id : list(named)) {
            boolean known = factors.stream().anyMatch(f -> f.id() != null && f.id().equals(id) && kind.equals(f.kind()));
            if (!known) {
                fault("clauses", clause, kind, "definition.clause." + kind + ".unknown", id);
                return;
            }
            if (!seen.add(id)) {
                fault("clauses", clause, kind, "definition.clause.factor.twice", id);
                return;
            }
        }
    }

    private void ladder(List<DefinitionVersion.Sanction> sanctions, Map<String, List<String>> tierSanctions) {
        Set<Integer> rungs = new HashSet<>();
        for (int i = 0; i < sanctions.size(); i++) {
            DefinitionVersion.Sanction s = sanctions.get(i);
            text("sanctions", i, "title", s.title(), TITLE_MAX, "definition.item.title");
            text("sanctions", i, "description", s.description(), TEXT_MAX, "definition.item.description");
            if (s.rung() < 0 || s.rung() > ITEMS_MAX) {
                fault("sanctions", i, "rung", "definition.sanction.rung", null);
            } else if (!rungs.add(s.rung())) {
                fault("sanctions", i, "rung", "definition.sanction.rung.twice", Integer.toString(s.rung()));
            }
            months(i, "expiresAfterMonths", s.expiresAfterMonths());
            months(i, "maxMonths", s.maxMonths());
        }
        boolean noAction = sanctions.stream().anyMatch(s -> SanctionLadder.NO_ACTION.equals(s.id()));
        if (!noAction) {
            fault(null, 0, "sanctions", "definition.ladder.noAction", SanctionLadder.NO_ACTION);
        }
        for (Map.Entry<String, List<String>> e : tierSanctions.entrySet()) {
            if (!List.of("1", "2", "3", "4").contains(e.getKey())) {
                fault(null, 0, "tierSanctions", "definition.ladder.tier", e.getKey());
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (String s : list(e.getValue())) {
                if (sanctions.stream().noneMatch(x -> s != null && s.equals(x.id())) || !seen.add(s)) {
                    fault(null, 0, "tierSanctions", "definition.ladder.sanction", s);
                    break;
                }
            }
        }
    }

    private void months(int i, String property, Integer months) {
        if (months != null && (months < 1 || months > MONTHS_MAX)) {
            fault("sanctions", i, property, "definition.sanction.months", null);
        }
    }

    /** Each id well formed, and each its own: every item sharing an id is at fault, wherever it stands. */
    private <T> void ids(String list, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (T item : items) {
            String value = id.apply(item);
            if (value != null && !seen.add(value)) {
                twice.add(value);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null || value.length() > ID_MAX || !ID.matcher(value).matches()) {
                fault(list, i, "id", "definition.item.id", null);
            } else if (twice.contains(value)) {
                fault(list, i, "id", "definition.item.id.twice", value);
            }
        }
    }

    private void examples(String list, int i, String property, List<String> examples) {
        List<String> all = list(examples);
        if (all.size() > EXAMPLES_MAX) {
            fault(list, i, property, "definition.examples.count", null);
            return;
        }
        for (String e : all) {
            if (blank(e) || e.length() > EXAMPLE_MAX) {
                fault(list, i, property, "definition.examples.example", null);
                return;
            }
        }
    }

    private void text(String list, int i, String property, String value, int max, String key) {
        if (blank(value)) {
            fault(list, i, property, key + ".required", null);
        } else if (value.length() > max) {
            fault(list, i, property, key + ".size", null);
        }
    }

    private void fault(String list, int index, String property, String key, String item) {
        faults.add(new Fault(list, index, property, key, item));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
