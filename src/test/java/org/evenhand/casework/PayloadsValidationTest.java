package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.evenhand.web.Form;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The task and case payloads' own constraints, checked by Bean Validation alone (no Quarkus boot): which fields a
 * bad body fails on, and for the staff commands the words each rule says, which the API and the pages both show.
 */
@Tag("fast")
class PayloadsValidationTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Case(String name, Object payload, String fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        String s20 = "x".repeat(20);
        return List.of(
                new Case("triage in scope", new Payloads.Triage(true, List.of("harassment"), "Reasons.", null, null), ""),
                new Case("triage without a decision", new Payloads.Triage(null, List.of(), "Reasons.", null, null), "inScope"),
                new Case("triage without reasons", new Payloads.Triage(false, List.of(), " ", null, null), "reasons"),
                new Case("triage with a blank clause", new Payloads.Triage(true, List.of(" "), "R.", null, null), "clauses[0].<list element>"),
                new Case("investigation", new Payloads.Investigation("Report."), ""),
                new Case("investigation without a report", new Payloads.Investigation(""), "report"),
                new Case("vote", new Payloads.Vote(List.of(new Finding("harassment", true)), "formal-warning", null, null,
                        "Reasons."), ""),
                new Case("vote without findings or sanction", new Payloads.Vote(List.of(), " ", null, null, "R."),
                        "findings,sanction"),
                new Case("appeal vote without a decision", new Payloads.AppealVote(null, null, null, null, null, "R."),
                        "allow"),
                new Case("suspension review", new Payloads.SuspensionReview(true, "Still needed."), ""),
                new Case("suspension request of 19 characters", new Payloads.SuspensionRequest("x".repeat(19)), "reasons"),
                new Case("suspension request of 20 characters", new Payloads.SuspensionRequest(s20), ""),
                new Case("escalation without a note", new Payloads.Escalation(null), "note"),
                new Case("appeal without grounds", new Payloads.AppealRequest(List.of(), "Statement."), "grounds"),
                new Case("appeal on four grounds", new Payloads.AppealRequest(List.of(Payloads.AppealGround.NEW_EVIDENCE,
                        Payloads.AppealGround.NEW_EVIDENCE, Payloads.AppealGround.PERVERSE_FINDING,
                        Payloads.AppealGround.PROCEDURAL_FAILURE), "Statement."), "grounds"),
                new Case("response", new Payloads.Response("My answer."), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fieldsAtFault(Case c) {
        TreeSet<String> fields = VALIDATOR.validate(c.payload()).stream().map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(c.fields().isEmpty() ? new TreeSet<>() : new TreeSet<>(List.of(c.fields().split(","))), fields);
    }

    /** One rule of a staff command: the field it refuses (its path, as a form names its input) and the words shown. */
    record Words(String rule, Object payload, String field, String message) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Payloads.Triage triage(Boolean inScope, List<String> clauses, String reasons,
            Payloads.ProtectedCharacteristic characteristic, Payloads.LawfulBasisGiven... bases) {
        return new Payloads.Triage(inScope, clauses, reasons, null, characteristic, List.of(bases));
    }

    static Payloads.Vote vote(List<Finding> findings, String sanction, String reasons) {
        return new Payloads.Vote(findings, sanction, null, null, reasons);
    }

    static List<Words> staffRules() {
        String ok = "Reasons.";
        Payloads.LawfulBasisGiven given = new Payloads.LawfulBasisGiven(7L, "art-9-2-d", "Party business.");
        return List.of(
                new Words("triage: in scope or not", triage(null, List.of(), ok, null), "inScope",
                        "Say whether the complaint is in scope."),
                new Words("triage: reasons", triage(false, List.of(), " ", null), "reasons",
                        "Give your reasons. The complainant reads them if the complaint is closed."),
                new Words("triage: reasons too long", triage(false, List.of(), "x".repeat(20_001), null), "reasons",
                        "Keep your reasons to 20000 characters."),
                new Words("triage: in scope needs a clause", triage(true, List.of(), ok, null), "clauses",
                        "Choose the clauses the complaint engages."),
                new Words("triage: out of scope engages no clause", triage(false, List.of("harassment"), ok, null),
                        "clauses", "An out-of-scope complaint engages no clause: untick the clauses, or say it is in scope."),
                new Words("triage: a characteristic only in scope", triage(false, List.of(), ok,
                        Payloads.ProtectedCharacteristic.RACE), "protectedCharacteristic",
                        "Only a complaint in scope is recorded against a protected characteristic: choose none, or say it"
                                + " is in scope."),
                new Words("triage: in scope needs each item's basis", triage(true, List.of("harassment"), ok, null, given,
                        new Payloads.LawfulBasisGiven(12L, null, "Party business.")), "lawfulBases[1].basis",
                        "Choose the lawful basis for item 12."),
                new Words("triage: in scope needs each basis's reason", triage(true, List.of("harassment"), ok, null,
                        new Payloads.LawfulBasisGiven(12L, "consent", " ")), "lawfulBases[0].reason",
                        "Say why this basis applies to item 12."),
                new Words("triage: out of scope, a basis given still needs its reason", triage(false, List.of(), ok, null,
                        new Payloads.LawfulBasisGiven(5L, "consent", null)), "lawfulBases[0].reason",
                        "Say why this basis applies to item 5."),
                new Words("triage: which item a basis is for", triage(false, List.of(), ok, null,
                        new Payloads.LawfulBasisGiven(null, "consent", "Given.")), "lawfulBases[0].evidenceId",
                        "Say which item of evidence this lawful basis is for."),
                new Words("investigation: the report", new Payloads.Investigation(null), "report",
                        "Write the investigation report."),
                new Words("vote: a finding on each clause", vote(List.of(new Finding("harassment", null)), "no-action",
                        ok), "findings[0].upheld", "Give your finding on this clause: upheld or not upheld."),
                new Words("vote: findings", vote(List.of(), "no-action", ok), "findings",
                        "Give your finding on each clause engaged."),
                new Words("vote: a sanction", vote(List.of(new Finding("harassment", false)), " ", ok), "sanction",
                        "Choose a sanction."),
                new Words("vote: reasons", vote(List.of(new Finding("harassment", false)), "no-action", null), "reasons",
                        "Give your reasons. The parties read them."),
                new Words("appeal: allow or dismiss", new Payloads.AppealVote(null, null, null, null, null, ok), "allow",
                        "Say whether you allow or dismiss the appeal."),
                new Words("appeal: allowing needs a sanction", new Payloads.AppealVote(true,
                        List.of(new Finding("harassment", true)), null, null, null, ok), "sanction", "Choose a sanction."),
                new Words("appeal: allowing needs findings", new Payloads.AppealVote(true, List.of(), "formal-warning",
                        null, null, ok), "findings", "Give your finding on each clause engaged."),
                new Words("appeal: reasons", new Payloads.AppealVote(false, null, null, null, null, ""), "reasons",
                        "Give your reasons. The parties read them."),
                new Words("review: continue or not", new Payloads.SuspensionReview(null, ok), "renew",
                        "Say whether the suspension should continue."),
                new Words("review: reasons", new Payloads.SuspensionReview(true, null), "reasons",
                        "Give your reasons. The respondent reads them."),
                new Words("escalation: what was done", new Payloads.Escalation(" "), "note",
                        "Say what you have done about it."),
                new Words("suspension: reasons", new Payloads.SuspensionRequest(null), "reasons",
                        "Give the reasons for the suspension: the respondent reads them, and they are reviewed."),
                new Words("suspension: reasons in full", new Payloads.SuspensionRequest("Too short."), "reasons",
                        "Give the reasons in full, at least 20 characters (and at most 20000): the respondent reads them,"
                                + " and they are reviewed."),
                new Words("note: for whom", new NoteService.NoteRequest(null, "A note."), "audience",
                        "Say who the note is for."),
                new Words("note: the text", new NoteService.NoteRequest(NoteService.Audience.staff, " "), "text",
                        "Write the note."),
                new Words("erasure: approve or refuse", new org.evenhand.privacy.ErasureService.Decision(null, ok),
                        "approve", "Say whether you approve or refuse the request."),
                new Words("erasure: reasons", new org.evenhand.privacy.ErasureService.Decision(true, null), "reasons",
                        "Give your reasons; they are kept as proof of compliance."),
                new Words("erasure: reasons too long", new org.evenhand.privacy.ErasureService.Decision(false,
                        "x".repeat(20_001)), "reasons", "Keep the reasons to 20000 characters."),
                new Words("legal hold: why", new org.evenhand.privacy.RetentionService.PlaceHold(""), "reason",
                        "Say why the case must be kept (for example, the claim or proceedings it is needed for)."),
                new Words("legal hold released: why", new org.evenhand.privacy.RetentionService.ReleaseHold(null),
                        "reason", "Say why the hold can be released."));
    }

    /** Each staff rule refuses exactly one field, in the words the pages show next to it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("staffRules")
    void staffRulesSpeakToPeople(Words w) {
        List<String> refusals = VALIDATOR.validate(w.payload()).stream()
                .map(v -> Form.fieldOf(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
        assertEquals(List.of(w.field() + ": " + w.message()), refusals);
    }

    /** What the rules leave alone: blank entries when out of scope, and what a dismissal carries. */
    @org.junit.jupiter.api.Test
    void whatTheRulesLeaveAlone() {
        Payloads.Triage out = triage(false, List.of(), "Not abuse.", null, new Payloads.LawfulBasisGiven(5L, null, " "));
        assertEquals(Set.of(), VALIDATOR.validate(out), "an item left blank, out of scope, gives no basis");
        assertFalse(out.lawfulBases().get(0).given());
        Payloads.AppealVote dismissal = new Payloads.AppealVote(false, List.of(new Finding("harassment", null)),
                "suspension", 3, "Departure.", "The decision stands.");
        assertEquals(Set.of(), VALIDATOR.validate(dismissal), "a dismissal substitutes no findings to check");
        assertNull(dismissal.findings());
        assertNull(dismissal.sanctionMonths());
        assertEquals(Set.of(), VALIDATOR.validate(new Payloads.SuspensionRequest("x".repeat(20))));
    }
}
