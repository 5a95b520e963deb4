package org.evenhand.privacy;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.CaseConcluded;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.CaseLetters;
import org.evenhand.casework.Erasing;
import org.evenhand.casework.CaseProcess;
import org.evenhand.common.Commands;
import org.evenhand.common.Durations;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.trail.ActionTrail;

/**
 * Storage limitation, enforced by the engine: when a case ends, a retention process starts with
 * two timers: the DPO's warning and the retention date. Then, unless a legal hold is in place,
 * a dismissed or not-upheld case has its evidence and text destroyed, an upheld one is
 * anonymised. Both destroy the case's key, so nothing sealed under it can be read again.
 */
@ApplicationScoped
public class RetentionService {

    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    public record QueueEntry(String ref, String action, Instant warnFrom, Instant dueAt, boolean warned, boolean onHold,
            Instant holdPlacedAt) {
    }

    /** A legal hold placed on a case, with the claim, proceedings or investigation it is kept for. */
    public record PlaceHold(@NotBlank(message = "{privacy.hold.reason}")
            @Size(max = 20000, message = "{privacy.reasons.max}") String reason) {
    }

    /** A legal hold released, with why the case need no longer be kept. */
    public record ReleaseHold(@NotBlank(message = "{privacy.release.reason}")
            @Size(max = 20000, message = "{privacy.reasons.max}") String reason) {
    }

    @Inject
    Commands commands;
    @Inject
    Erasing erasing;
    @Inject
    PrivacyConfig config;
    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    EvidenceService evidence;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;

    void schedule(@Observes CaseConcluded event) {
        CaseFile c = CaseFile.byRef(event.ref()).orElseThrow();
        RetentionSchedule r = RetentionSchedule.of(event.outcome() == CaseFile.Outcome.UPHELD, event.at(),
                config.anonymiseAfter(), config.destroyAfter(), config.warnBefore());
        erasing.scheduleRetention(c, r.action(), r.dueAt());
        process.start(CaseProcess.RETENTION, c.ref, Map.of("retentionWarnAt", ENGINE_DATE.format(r.warnAt()),
                "retentionDueAt", ENGINE_DATE.format(r.dueAt())));
        letters.record(c, "process", "retention-scheduled", staff, "Retention: " + c.retentionAction + " on "
                + CaseLetters.date(c.retentionDueAt));
    }

    /** Process step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void warn(String ref) {
        CaseFile c = CaseFile.byRef(ref).orElseThrow();
        letters.record(c, "process", "retention-warning", staff, "DPO warned: retention (" + c.retentionAction
                + ") due on " + CaseLetters.date(c.retentionDueAt) + " unless a legal hold is placed");
    }

    /** Process step. */
    public boolean onHold(String ref) {
        return LegalHold.activeFor(CaseFile.byRef(ref).orElseThrow().id).isPresent();
    }

    /** Process step: destroy (evidence, text, key) or anonymise (the same, and the link to the members). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String ref) {
        CaseFile c = CaseFile.byRef(ref).orElseThrow();
        int items = evidence.destroyAll(c, "destroyed at the end of its retention period");
        erasing.applyRetention(c);
        trail.record("process", "retention-applied", ref, c.retentionAction + ", " + items + " evidence items");
    }

    @Transactional
    public void placeHold(String dpo, String ref, PlaceHold in) {
        commands.check(in);
        CaseFile c = CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
        if (c.erasedAt != null) {
            throw ProblemException.conflict("case " + ref + " has already been erased");
        }
        if (LegalHold.activeFor(c.id).isPresent()) {
            throw ProblemException.conflict("case " + ref + " is already on legal hold");
        }
        LegalHold h = new LegalHold();
        h.caseId = c.id;
        h.placedBy = dpo;
        h.reason = in.reason();
        h.placedAt = time.now();
        h.persist();
        trail.record(dpo, "legal-hold-placed", ref, "");
    }

    @Transactional
    public void releaseHold(String dpo, String ref, ReleaseHold in) {
        commands.check(in);
        CaseFile c = CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
        LegalHold h = LegalHold.activeFor(c.id).orElseThrow(() -> ProblemException.conflict("case " + ref
                + " is not on legal hold"));
        h.releasedAt = time.now();
        h.releasedBy = dpo;
        h.releaseReason = in.reason();
        trail.record(dpo, "legal-hold-released", ref, "");
        process.deliver(ref, "LegalHoldReleased", Map.of());
    }

    @Transactional
    public List<QueueEntry> queue() {
        List<CaseFile> due = CaseFile.list("retentionDueAt is not null and erasedAt is null order by retentionDueAt");
        Instant now = time.now();
        return due.stream().map(c -> {
            Instant warnFrom = Durations.before(c.retentionDueAt, config.warnBefore());
            var hold = LegalHold.activeFor(c.id);
            return new QueueEntry(c.ref, c.retentionAction, warnFrom, c.retentionDueAt, !now.isBefore(warnFrom),
                    hold.isPresent(), hold.map(h -> h.placedAt).orElse(null));
        }).toList();
    }
}
