package org.evenhand.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evenhand.testing.PublishedDefinition;
import org.evenhand.web.Form;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A draft's content as the NEC's command: refused by the definition's rules through plain Bean
 * Validation, each refusal at its field in its words; kept stripped; frozen as canonical text that
 * reads back as the same version; and read from the ladder form, refusals put back at its rows.
 */
@Tag("fast")
class DraftContentTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final DefinitionVersion V = PublishedDefinition.version("2026.1");

    static Map<String, String> refusals(DraftContent c) {
        Map<String, String> out = new TreeMap<>();
        for (ConstraintViolation<DraftContent> v : VALIDATOR.validate(c)) {
            out.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return out;
    }

    @Test
    void aCopyOfThePublishedVersionIsAcceptedAsItIs() {
        assertEquals(Map.of(), refusals(DraftContent.of(V)));
    }

    @Test
    void eachRefusalIsAtItsFieldInItsWords() {
        List<DefinitionVersion.Clause> clauses = new ArrayList<>(V.clauses());
        DefinitionVersion.Clause h = clauses.get(1);
        clauses.set(1, new DefinitionVersion.Clause(h.id(), h.title(), h.test(), 0, h.breachExamples(),
                h.notBreachExamples(), List.of("no-such-factor"), h.mitigating()));
        clauses.set(2, new DefinitionVersion.Clause("violent-threat", "Pile-ons", "A test.", 3, List.of(), List.of(),
                List.of(), List.of()));
        Map<String, String> r = refusals(DraftContent.of(V).withClauses(clauses).withSummary(List.of()));
        assertEquals("Choose the clause\u2019s tier, from 1 to 4.", r.get("clauses[1].tier"));
        assertEquals("\u201cno-such-factor\u201d is not an aggravating factor of this definition: choose from the list.",
                r.get("clauses[1].aggravating"));
        assertEquals("Another item already has the id \u201cviolent-threat\u201d: give each its own.", r.get("clauses[0].id"));
        assertEquals(r.get("clauses[0].id"), r.get("clauses[2].id"));
        assertEquals("Say what changes in this version, one change a line (at most 30 lines).", r.get("summaryOfChanges"));
        assertEquals(5, r.size(), r.toString());
        assertEquals("clauses[1].tier", Form.fieldOf("clauses[1].tier"), "the pages find the field by the same path");
    }

    @Test
    void anEmptyItemIsRefusedNotAnError() {
        List<DefinitionVersion.Clause> clauses = new ArrayList<>(V.clauses());
        clauses.add(null);
        assertEquals(Map.of("clauses", "Leave no item empty."), refusals(DraftContent.of(V).withClauses(clauses)));
    }

    @Test
    void contentIsKeptStrippedWithNoMissingLists() {
        DraftContent typed = new DraftContent("  Title \n", " Intro. ", null, List.of(new DefinitionVersion.Clause(
                " harassment ", " Harassment ", " Test. ", 3, null, List.of(" One. "), null, null)), null, null, null, null);
        DraftContent kept = typed.normalized();
        assertEquals("Title", kept.title());
        assertEquals(List.of(), kept.summaryOfChanges());
        assertEquals(new DefinitionVersion.Clause("harassment", "Harassment", "Test.", 3, List.of(), List.of("One."),
                List.of(), List.of()), kept.clauses().get(0));
        assertEquals(Map.of(), kept.tierSanctions());
        assertEquals(kept, kept.normalized(), "normalising twice changes nothing");
    }

    @Test
    void aPatchKeepsTheFieldsItDoesNotGive() {
        DraftContent current = DraftContent.of(V);
        DraftContent patch = new DraftContent("New title", null, null, null, null, null, null, null);
        DraftContent merged = patch.onto(current);
        assertEquals("New title", merged.title());
        assertEquals(current.clauses(), merged.clauses());
        assertEquals(current.tierSanctions(), merged.tierSanctions());
    }

    @Test
    void theCanonicalTextReadsBackAsTheSameVersionAndHashesTheSame() {
        DefinitionVersion v = DraftContent.of(V).withSummary(List.of("Only a test: nothing changed."))
                .asVersion("2099.1", LocalDate.of(2099, 1, 1), LocalDate.of(2098, 12, 1));
        String text = VersionText.canonical(v);
        assertEquals(v, VersionText.parse(text.getBytes(StandardCharsets.UTF_8), "2099.1"));
        assertEquals(text, VersionText.canonical(VersionText.parse(text.getBytes(StandardCharsets.UTF_8), "2099.1")));
        assertEquals(VersionText.sha256(text), VersionText.sha256(VersionText.canonical(v)));
        assertTrue(text.contains("id: \"2099.1\"") && text.contains("effectiveFrom: \"2099-01-01\""), text.substring(0, 200));
        assertTrue(text.indexOf("\"1\":") < text.indexOf("\"4\":"), "tiers in order");
        DefinitionVersion other = DraftContent.of(V).withSummary(List.of("Only a test: nothing changed!"))
                .asVersion("2099.1", LocalDate.of(2099, 1, 1), LocalDate.of(2098, 12, 1));
        assertNotEquals(VersionText.sha256(text), VersionText.sha256(VersionText.canonical(other)));
    }

    @Test
    void theLadderFormReadsItsRowsAndPutsRefusalsBackAtThem() {
        DefinitionDrafts.Draft d = new DefinitionDrafts.Draft(1, "2026.1", "editing", 4, "nora", null, "nora", null, null,
                null, null, null, null, null, DraftContent.of(V));
        Form form = LadderForm.fill(d);
        assertEquals("6", form.value("rows"));
        assertEquals(List.of("s0", "s1"), form.values("tier1"));
        // take out advice or training (row s1), rename the warning (row s2), add a sanction in the new row (s5)
        form.set("s1.remove", "yes").set("s2.id", "written-warning").set("s5.id", "apology-order")
                .set("s5.rung", "5").set("s5.title", "Order to apologise").set("s5.description", "Apologise.")
                .set("s5.maxMonths", "two");
        LadderForm.Read read = LadderForm.read(form, 6);
        assertEquals(List.of("no-action", "written-warning", "suspension", "referral-expulsion", "apology-order"),
                read.sanctions().stream().map(DefinitionVersion.Sanction::id).toList());
        assertEquals(List.of("no-action", "written-warning"), read.tierSanctions().get("2"), "tiers follow the renamed row");
        assertEquals(List.of("no-action"), read.tierSanctions().get("1"), "a row taken out leaves its tiers");
        assertEquals(0, read.sanctions().get(4).maxMonths(), "months that are not a number break the months rule");
        assertEquals("s5.maxMonths", read.fieldOf("sanctions[4].maxMonths"));
        assertEquals("s2.title", read.fieldOf("sanctions[1].title"));
        assertEquals("tiers", read.fieldOf("tierSanctions"));
        assertEquals(null, read.fieldOf("clauses[2].tier"));
    }

    @Test
    void itemsArePutInPlaceOrAtTheEnd() {
        List<String> ids = List.of("a", "b", "c");
        assertEquals(List.of("a", "x", "c"), Items.put(ids, "b", "x", s -> s));
        assertEquals(List.of("a", "b", "c", "x"), Items.put(ids, null, "x", s -> s));
        assertEquals(List.of("a", "b", "c", "x"), Items.put(ids, "gone", "x", s -> s));
        assertEquals(1, Items.at(ids, "b", s -> s));
        assertEquals(3, Items.at(ids, null, s -> s));
        assertEquals(List.of("a", "c"), Items.without(ids, "b", s -> s));
    }
}
