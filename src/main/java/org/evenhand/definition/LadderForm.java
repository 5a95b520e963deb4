package org.evenhand.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evenhand.web.Form;

/**
 * The sanction ladder as one form: a row for each sanction (s0, s1, ...: id, rung, title,
 * description, months) with a box to take it out, an empty row to add one, and for each tier the
 * sanctions it allows, ticked by row (so a sanction renamed in the same form keeps its tiers).
 */
final class LadderForm {

    static final int MAX_ROWS = DefinitionRules.ITEMS_MAX + 1;

    /** A row of the form; its fields are named "s3.id", "s3.rung" and so on. */
    public record Row(String key, boolean added) {

        public String idName() {
            return key + ".id";
        }

        public String rungName() {
            return key + ".rung";
        }

        public String titleName() {
            return key + ".title";
        }

        public String descriptionName() {
            return key + ".description";
        }

        public String expiresName() {
            return key + ".expiresAfterMonths";
        }

        public String maxName() {
            return key + ".maxMonths";
        }

        public String removeName() {
            return key + ".remove";
        }
    }

    public record TierBox(int tier, String label, String name) {
    }

    public record Page(DefinitionDrafts.Draft draft, List<Row> rows, List<TierBox> tiers) {
    }

    /** The ladder the form holds, and which row each of its sanctions came from (for putting refusals next to it). */
    record Read(List<DefinitionVersion.Sanction> sanctions, Map<String, List<String>> tierSanctions, List<Integer> rows) {

        /** The form's field for a refusal's path ("sanctions[1].title" → "s2.title"), or null for the top. */
        String fieldOf(String path) {
            for (int k = 0; k < rows.size(); k++) {
                String property = DraftForms.within(path, "sanctions", k);
                if (property != null) {
                    return "s" + rows.get(k) + "." + property;
                }
            }
            return path.equals("tierSanctions") ? "tiers" : path.equals("sanctions") ? "sanctions" : null;
        }
    }

    private LadderForm() {
    }

    /** The form's rows: one for each of {@code existing} sanctions, and an empty one to add a sanction. */
    static Page page(DefinitionDrafts.Draft d, int existing) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= Math.min(existing, MAX_ROWS - 1); i++) {
            rows.add(new Row("s" + i, i == existing));
        }
        List<TierBox> tiers = new ArrayList<>();
        for (int t = 1; t <= DefinitionRules.TIERS; t++) {
            tiers.add(new TierBox(t, DefinitionPage.tierLabel(t), "tier" + t));
        }
        return new Page(d, rows, tiers);
    }

    /** The form filled from the draft: its sanctions lowest rung first. */
    static Form fill(DefinitionDrafts.Draft d) {
        List<DefinitionVersion.Sanction> ladder = d.content().sanctions().stream()
                .sorted(Comparator.comparingInt(DefinitionVersion.Sanction::rung)).toList();
        Form form = Form.empty().set("revision", Long.toString(d.revision())).set("rows", Integer.toString(ladder.size() + 1));
        for (int i = 0; i < ladder.size(); i++) {
            DefinitionVersion.Sanction s = ladder.get(i);
            String k = "s" + i;
            form.set(k + ".id", s.id()).set(k + ".rung", Integer.toString(s.rung())).set(k + ".title", s.title())
                    .set(k + ".description", s.description())
                    .set(k + ".expiresAfterMonths", s.expiresAfterMonths() == null ? "" : s.expiresAfterMonths().toString())
                    .set(k + ".maxMonths", s.maxMonths() == null ? "" : s.maxMonths().toString());
        }
        for (int t = 1; t <= DefinitionRules.TIERS; t++) {
            List<String> keys = new ArrayList<>();
            for (String id : d.content().tierSanctions().getOrDefault(Integer.toString(t), List.of())) {
                for (int i = 0; i < ladder.size(); i++) {
                    if (ladder.get(i).id().equals(id)) {
                        keys.add("s" + i);
                    }
                }
            }
            form.setAll("tier" + t, keys);
        }
        return form;
    }

    /** How many rows the form was sent with. */
    static int rows(Form form) {
        return Math.max(0, Math.min(MAX_ROWS, DraftForms.number(form, "rows", 0)));
    }

    static Read read(Form form, int rows) {
        List<DefinitionVersion.Sanction> sanctions = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        String[] ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            String k = "s" + i;
            boolean empty = List.of(".id", ".rung", ".title", ".description", ".expiresAfterMonths", ".maxMonths")
                    .stream().allMatch(f -> form.text(k + f) == null);
            if (form.ticked(k + ".remove") || empty) {
                continue;
            }
            ids[i] = form.text(k + ".id");
            sanctions.add(new DefinitionVersion.Sanction(ids[i], DraftForms.number(form, k + ".rung", -1),
                    form.text(k + ".title"), DraftForms.text(form, k + ".description"),
                    DraftForms.months(form, k + ".expiresAfterMonths"), DraftForms.months(form, k + ".maxMonths")));
            from.add(i);
        }
        Map<String, List<String>> tiers = new TreeMap<>();
        for (int t = 1; t <= DefinitionRules.TIERS; t++) {
            List<String> allowed = new ArrayList<>();
            for (String key : form.values("tier" + t)) {
                int i = row(key);
                if (i >= 0 && i < rows && ids[i] != null) {
                    allowed.add(ids[i]);
                }
            }
            if (!allowed.isEmpty()) {
                tiers.put(Integer.toString(t), allowed);
            }
        }
        return new Read(sanctions, tiers, from);
    }

    /** The row a tier's box names ("s3" → 3), or -1. */
    private static int row(String key) {
        try {
            return key.startsWith("s") ? Integer.parseInt(key.substring(1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
