package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may handle a case: not a party (nor a complainant who joined it), nobody from a party's CLP
 * (a joined complainant's CLP too: decision 0024), nobody excluded for the step.
 */
@Tag("fast")
class EligibilityTest {

    /** alice (CLP North) complains about bob (CLP South); erin (CLP West) joined the complaint. */
    static final Eligibility.Parties PARTIES = Eligibility.Parties.of(new Eligibility.Person("alice", "M1", "North", null),
            new Eligibility.Person("bob", "M2", "South", null), List.of(new Eligibility.Person("erin", "M3", "West", null)));

    @ParameterizedTest(name = "{0} of {1}, excluded {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
            // handler; their CLP (empty: none); excluded for this step; eligible
            "casey; East; ; true",
            "rowan; ; ; true",
            "quinn; North; ; false",
            "sam; South; ; false",
            "alice; North; ; false",
            "bob; ; ; false",
            "erin; West; ; false",
            "tess; West; ; false",
            "tess; Central; ; true",
            "casey; East; casey; false",
            "casey; East; ivy,pat; true",
    })
    void eligibility(String handler, String clp, String excluded, boolean eligible) {
        // zed, of a CLP no party is from, is always eligible, so the joined complainants' CLPs are never relaxed here
        List<String> out = Eligibility.eligible(PARTIES, List.of(new Eligibility.Candidate(handler, clp),
                new Eligibility.Candidate("zed", "Elsewhere")),
                excluded == null ? Set.of() : Set.copyOf(Arrays.asList(excluded.split(","))));
        assertEquals(eligible ? List.of(handler, "zed") : List.of("zed"), out);
    }

    @ParameterizedTest(name = "both parties of {0}")
    @CsvSource({ "North", "South" })
    void partiesOfOneClpExcludeItOnce(String clp) {
        Eligibility.Parties p = Eligibility.Parties.of("alice", clp, "bob", clp, List.of());
        assertEquals(Set.of(clp), p.clps());
        assertEquals(List.of("casey"), Eligibility.eligible(p, List.of(new Eligibility.Candidate("quinn", clp),
                new Eligibility.Candidate("casey", "East")), Set.of()));
    }
}
