package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RuntimeService;
import org.evenhand.definition.Citations;
import org.evenhand.identity.Member;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * Intake commits the case, its letter and its trail entries without a process; the starter then
 * starts the process and marks the case in one transaction, so they commit or roll back together,
 * and a case's process is started exactly once however many starters run.
 */
@QuarkusTest
class TransactionBoundaryTest {

    @Inject
    ReceivingComplaints cases;
    @Inject
    StartingProcesses starting;
    @Inject
    Citations citations;
    @Inject
    RuntimeService runtime;

    CaseFile open() {
        Member alice = Member.byUsername("alice").orElseThrow();
        Member dan = Member.byUsername("dan").orElseThrow();
        LocalDate day = LocalDate.of(2026, 4, 1);
        return cases.open(new ReceivingComplaints.Filing(alice, dan, "A post calling me a traitor to the movement, with my photo.",
                day, null, citations.versionFor(day, List.of("intimidation"), "clauses"), List.of("intimidation"),
                List.of()));
    }

    /** A received case the background starter leaves alone until {@code until}. */
    String openHeldUntil(Instant until) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseFile c = open();
            c.startAfter = until;
            return c.ref;
        });
    }

    long processes(String ref) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).processDefinitionKey("complaint")
                .count();
    }

    @Test
    void theComplaintIsStoredFirstAndItsProcessStartedOnceBehindIt() {
        String ref = QuarkusTransaction.requiringNew().call(() -> open().ref);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> CaseFile.byRef(ref).isPresent()));
        assertEquals(1, Db.count("SELECT count(*) FROM notifications n JOIN cases c ON c.id = n.case_id WHERE c.ref = ?", ref),
                "acknowledged with the case");
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'received'", ref));
        Db.awaitAllStarted();
        assertEquals(1, processes(ref));
        CaseFile c = QuarkusTransaction.requiringNew().call(() -> CaseFile.byRef(ref).orElseThrow());
        assertEquals(CaseFile.Status.OPEN, c.status);
        assertEquals(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).singleResult().getId(),
                c.processInstanceId);
        assertEquals("triage", c.stage, "the stage is kept on the case by the process");
    }

    @Test
    void aStartThatFailsRollsBackTheProcessAndTheCaseStaysReceived() {
        String ref = openHeldUntil(Instant.now().plusSeconds(3600));
        long id = QuarkusTransaction.requiringNew().call(() -> CaseFile.byRef(ref).orElseThrow().id);
        AtomicReference<String> started = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            started.set(starting.startOne(id).orElseThrow());
            assertEquals(1, processes(ref), "inside the transaction the process exists");
            throw new IllegalStateException("crash after the process started");
        }));
        assertEquals(ref, started.get());
        assertEquals(0, processes(ref));
        CaseFile c = QuarkusTransaction.requiringNew().call(() -> CaseFile.byRef(ref).orElseThrow());
        assertEquals(CaseFile.Status.RECEIVED, c.status);
        assertEquals(null, c.processInstanceId);
        assertEquals(0, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'triage-pool'", ref));
        // released, the starter takes it up
        Db.update("UPDATE cases SET start_after = NULL WHERE id = ?", id);
        Db.awaitAllStarted();
        assertEquals(1, processes(ref));
    }

    @Test
    void starterRacesNeverStartACaseTwice() throws Exception {
        Instant at = Instant.now().plusMillis(1500);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            refs.add(openHeldUntil(at));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Callable<List<String>> starter = () -> {
                    Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 5);
                    List<String> mine = new ArrayList<>();
                    List<String> batch;
                    do {
                        batch = QuarkusTransaction.requiringNew().call(() -> starting.startReceived(7));
                        mine.addAll(batch);
                    } while (!batch.isEmpty());
                    return mine;
                };
                runs.add(pool.submit(starter));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> r : runs) {
                all.addAll(r.get());
            }
            assertEquals(all.size(), all.stream().distinct().count(), "no case started by two starters");
        } finally {
            pool.shutdown();
        }
        Db.awaitAllStarted();
        for (String ref : refs) {
            assertEquals(1, processes(ref), ref + " has exactly one process");
        }
    }
}
