package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RuntimeService;
import org.evenhand.definition.Citations;
import org.evenhand.identity.Member;
import org.evenhand.trail.TrailEntry;
import org.junit.jupiter.api.Test;

/** The case record and its process instance commit together or not at all. */
@QuarkusTest
class TransactionBoundaryTest {

    @Inject
    CaseService cases;
    @Inject
    Citations citations;
    @Inject
    RuntimeService runtime;

    CaseFile open() {
        Member alice = Member.byUsername("alice").orElseThrow();
        Member dan = Member.byUsername("dan").orElseThrow();
        LocalDate day = LocalDate.of(2026, 4, 1);
        return cases.open(alice, dan, "A post calling me a traitor to the movement, with my photo.", day, null,
                citations.versionFor(day, List.of("intimidation"), "clauses"), List.of("intimidation"));
    }

    @Test
    void committedTogether() {
        String ref = QuarkusTransaction.requiringNew().call(() -> open().ref);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> CaseFile.byRef(ref).isPresent()));
        assertEquals(1, runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).count());
    }

    @Test
    void rolledBackTogether() {
        AtomicReference<String> ref = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            ref.set(open().ref);
            assertEquals(1, runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref.get()).count(),
                    "inside the transaction the process exists");
            throw new IllegalStateException("failure after the process started");
        }));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> CaseFile.byRef(ref.get()).isEmpty()));
        assertEquals(0, runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref.get()).count());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> TrailEntry.count("caseRef", ref.get())));
    }
}
