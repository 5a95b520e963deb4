package org.evenhand.testing;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A case taken through the process over the API, for tests that need one at a later stage. */
public final class Cases {

    private Cases() {
    }

    /** Filed, triaged in scope on the clause, answered by the respondent, investigated: the panel is drawn. */
    public static String atPanel(String complainant, String respondent, String respondentNumber, String clause,
            String allegation) {
        String ref = file(complainant, respondentNumber, LocalDate.of(2026, 6, 10), List.of(clause), allegation);
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of(clause), "reasons", "Engages " + clause + "."));
        as(respondent).body(Map.of("statement", "I have nothing to add.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "The messages are as described."));
        org.evenhand.testing.EngineClock.endCommentWindow(ref);
        return ref;
    }

    /** The panel decides: every member upholds the clause with this sanction. */
    public static void decided(String ref, String clause, String sanction) {
        for (Api.Held h : tasks(PANEL, ref, "panelDecision")) {
            complete(h, Map.of("findings", List.of(Map.of("clause", clause, "upheld", true)), "sanction", sanction,
                    "reasons", "Upheld on the messages."));
        }
    }
}
