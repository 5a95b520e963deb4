package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a panel member's vote must hold before it is cast (harassment and bullying engaged at triage). */
@Tag("fast")
class VoteRulesTest {

    static final List<String> ENGAGED = List.of("harassment", "bullying");

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            // findings; sanction; months; departure reason; the field at fault (empty: the vote is valid); words of the message
            "harassment+ bullying-; formal-warning; ; ; ; ",
            "harassment- bullying-; no-action; ; ; ; ",
            "harassment+ bullying+; suspension; 12; ; ; ",
            "harassment+ bullying-; suspension; 1; ; ; ",
            "harassment+ bullying-; referral-expulsion; ; threats repeated after a warning; ; ",
            "harassment+; formal-warning; ; ; findings; give a finding for every engaged clause: harassment, bullying",
            "harassment+ bullying- doxxing+; formal-warning; ; ; findings; clause 'doxxing' was not engaged at triage",
            "harassment+ harassment- bullying-; formal-warning; ; ; findings; clause 'harassment' appears twice",
            "harassment+ bullying-; warning; ; ; sanction; 'warning' is not on the sanction ladder of definition 2026.1",
            "harassment- bullying-; advice-training; ; ; sanction; no clause is upheld, so the only outcome is no-action",
            "harassment+ bullying-; referral-expulsion; ; ; sanction; outside the ladder for the clauses upheld (allowed: advice-training, formal-warning, suspension)",
            "bullying+ harassment-; suspension; 3; ; sanction; (allowed: no-action, advice-training, formal-warning)",
            "harassment+ bullying-; suspension; ; ; sanctionMonths; a suspension is for a fixed term of 1 to 12 months",
            "harassment+ bullying-; suspension; 0; ; sanctionMonths; a suspension is for a fixed term of 1 to 12 months",
            "harassment+ bullying-; suspension; 13; ; sanctionMonths; a suspension is for a fixed term of 1 to 12 months",
            "harassment+ bullying-; formal-warning; 3; ; sanctionMonths; only a suspension has a term in months",
    })
    void aVoteIsCheckedBeforeItIsCast(String findings, String sanction, Integer months, String departure, String field,
            String words) {
        Runnable check = () -> VoteRules.check(ENGAGED, PublishedDefinition.ladder2026(), Ballots.findings(findings),
                sanction, months, departure);
        if (field == null) {
            check.run();
            return;
        }
        ProblemException e = assertThrows(ProblemException.class, check::run);
        assertEquals(400, e.status());
        Problem.FieldError error = e.toProblem("/").errors().get(0);
        assertEquals(field, error.field());
        assertTrue(error.message().contains(words), error.message());
    }
}
