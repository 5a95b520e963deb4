package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The task and case payloads' own constraints, checked by Bean Validation alone: which fields a bad body fails on. */
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
}
