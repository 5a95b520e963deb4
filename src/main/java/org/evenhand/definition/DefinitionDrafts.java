package org.evenhand.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.trail.ActionTrail;

/**
 * Drafting and publishing a new version of the definition (decision 0040): an NEC member starts a
 * draft from the latest published version, members edit it, one asks for approval with the date it
 * is to take effect, and another approves it, which publishes it: frozen as canonical text and its
 * SHA-256, given the next version number, never changed again. Every step is on the trail.
 */
@ApplicationScoped
public class DefinitionDrafts {

    /** Start a draft from {@code from}, which must be the latest published version. */
    public record Start(@NotBlank(message = "{definition.draft.from.required}")
            @Size(max = 20, message = "{definition.draft.from.required}") String from) {
    }

    /** Ask for approval: the version is to take effect on this date. */
    public record Proposal(@NotNull(message = "{definition.draft.effectiveFrom.required}") LocalDate effectiveFrom) {
    }

    /** Approve and publish: the date approved, which must be the date asked for. */
    public record Approval(@NotNull(message = "{definition.draft.effectiveFrom.required}") LocalDate effectiveFrom) {
    }

    /** A draft as the API and the pages show it. */
    public record Draft(long id, String basedOn, String state, long revision, String createdBy, Instant createdAt,
            String updatedBy, Instant updatedAt, LocalDate effectiveFrom, String proposedBy, Instant proposedAt,
            String publishedVersion, String closedBy, Instant closedAt, DraftContent content) {

        public boolean editing() {
            return DefinitionDraft.EDITING.equals(state);
        }

        public boolean proposed() {
            return DefinitionDraft.PROPOSED.equals(state);
        }
    }

    /** A version published from a draft. */
    public record Published(String id, LocalDate effectiveFrom, LocalDate publishedAt, String sha256, long draft,
            String proposedBy, String approvedBy) {
    }

    /** Drafts and publications never run side by side: the next version number and date depend on the last. */
    static final long PUBLICATION_LOCK = 0x0DEF1A7E5L;

    @Inject
    EntityManager em;
    @Inject
    DefinitionCatalog catalog;
    @Inject
    Commands commands;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;
    @Inject
    ObjectMapper json;
    @Inject
    DefinitionWords words;
    @Inject
    TransactionSynchronizationRegistry registry;

    /** Every draft, newest first. */
    @Transactional
    public List<Draft> all() {
        return DefinitionDraft.<DefinitionDraft>find("ORDER BY id DESC").list().stream().map(this::view).toList();
    }

    @Transactional
    public Optional<Draft> find(long id) {
        return DefinitionDraft.<DefinitionDraft>findByIdOptional(id).map(this::view);
    }

    /** A draft that may be edited; otherwise why it may not (404, 409). */
    @Transactional
    public Draft editable(long id) {
        DefinitionDraft d = DefinitionDraft.<DefinitionDraft>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("draft " + id));
        editable(d, null);
        return view(d);
    }

    /** A draft waiting for approval; otherwise why it is not (404, 409). */
    @Transactional
    public Draft awaitingApproval(long id) {
        DefinitionDraft d = DefinitionDraft.<DefinitionDraft>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("draft " + id));
        proposed(d);
        return view(d);
    }

    @Transactional
    public Draft start(String member, Start in) {
        commands.check(in);
        DefinitionVersion latest = catalog.latest();
        if (!latest.id().equals(in.from().strip())) {
            throw ProblemException.invalidField("from", words.notTheLatest(in.from().strip(), latest.id()));
        }
        DefinitionDraft d = new DefinitionDraft();
        d.basedOn = latest.id();
        d.state = DefinitionDraft.EDITING;
        d.content = write(DraftContent.of(latest));
        d.createdBy = member;
        d.updatedBy = member;
        d.createdAt = now();
        d.updatedAt = d.createdAt;
        d.persist();
        trail.record(member, "definition-draft-started", null, "draft " + d.id + " from version " + latest.id());
        return view(d);
    }

    /** Saves the draft's content whole; {@code seen}, when given, is the save the member edited (else 409). */
    @Transactional
    public Draft revise(long id, String member, Long seen, DraftContent content) {
        DefinitionDraft d = locked(id);
        editable(d, seen);
        if (content == null) {
            throw ProblemException.badRequest(words.noBody());
        }
        DraftContent next = commands.check(content.normalized());
        DraftContent before = read(d);
        if (next.equals(before)) {
            return view(d);
        }
        d.content = write(next);
        d.revision++;
        d.updatedBy = member;
        d.updatedAt = now();
        trail.record(member, "definition-draft-revised", null, "draft " + d.id + ", save " + d.revision + ": "
                + DraftOutline.of(before.asVersion("before", null, null), next.asVersion("after", null, null), json));
        return view(d);
    }

    /** Saves the fields given, keeping the others. */
    @Transactional
    public Draft amend(long id, String member, Long seen, DraftContent fields) {
        if (fields == null) {
            throw ProblemException.badRequest(words.noBody());
        }
        DefinitionDraft d = locked(id);
        return revise(id, member, seen, fields.onto(read(d)));
    }

    /** Asks for approval: the draft is then fixed until it is published or the request withdrawn. */
    @Transactional
    public Draft propose(long id, String member, Long seen, Proposal in) {
        DefinitionDraft d = locked(id);
        editable(d, seen);
        commands.check(in);
        DefinitionVersion latest = stillTheBase(d);
        DraftContent content = read(d);
        if (content.withSummary(List.of()).equals(DraftContent.of(latest).withSummary(List.of()))) {
            throw conflict(words.nothingChanged(latest.id()));
        }
        commands.check(content);
        dateAllowed(in.effectiveFrom(), latest);
        d.state = DefinitionDraft.PROPOSED;
        d.effectiveFrom = in.effectiveFrom();
        d.proposedBy = member;
        d.proposedAt = now();
        trail.record(member, "definition-draft-proposed", null, "draft " + d.id + ", save " + d.revision
                + ", to take effect on " + in.effectiveFrom());
        return view(d);
    }

    /** Withdraws the request for approval: the draft can be edited again. */
    @Transactional
    public Draft withdraw(long id, String member) {
        DefinitionDraft d = locked(id);
        proposed(d);
        d.state = DefinitionDraft.EDITING;
        d.effectiveFrom = null;
        d.proposedBy = null;
        d.proposedAt = null;
        trail.record(member, "definition-draft-withdrawn", null, "draft " + d.id + ": request for approval withdrawn");
        return view(d);
    }

    /**
     * A second NEC member approves the draft, which publishes it: the next version number of its
     * effective year, its canonical text and SHA-256 stored, the catalog told once the transaction commits.
     */
    @Transactional
    public Published approve(long id, String member, Approval in) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + PUBLICATION_LOCK + ")").getSingleResult();
        DefinitionDraft d = locked(id);
        proposed(d);
        commands.check(in);
        if (member.equals(d.proposedBy)) {
            throw ProblemException.forbidden(words.ownRequest());
        }
        if (!in.effectiveFrom().equals(d.effectiveFrom)) {
            throw ProblemException.invalidField("effectiveFrom", words.notTheDateProposed(d.effectiveFrom));
        }
        catalog.invalidate(); // read what any node has published, under the lock
        DefinitionVersion latest = stillTheBase(d);
        dateAllowed(d.effectiveFrom, latest);
        String year = Integer.toString(d.effectiveFrom.getYear());
        long sameYear = catalog.versions().stream().filter(v -> v.id().startsWith(year + ".")).count();
        String versionId = year + "." + (sameYear + 1);
        LocalDate today = time.today();
        DefinitionVersion v = commands.check(read(d)).asVersion(versionId, d.effectiveFrom, today);
        String text = VersionText.canonical(v);
        if (!VersionText.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), versionId).equals(v)) {
            throw new IllegalStateException("the canonical text of version " + versionId + " does not read back as it");
        }
        String sha = VersionText.sha256(text);
        Instant now = now();
        em.createNativeQuery("INSERT INTO definition_versions (id, effective_from, sha256, source, content,"
                + " published_at, proposed_by, approved_by) VALUES (?1, ?2, ?3, 'published', ?4, ?5, ?6, ?7)")
                .setParameter(1, versionId).setParameter(2, d.effectiveFrom).setParameter(3, sha).setParameter(4, text)
                .setParameter(5, now).setParameter(6, d.proposedBy).setParameter(7, member).executeUpdate();
        d.state = DefinitionDraft.PUBLISHED;
        d.publishedVersion = versionId;
        d.closedBy = member;
        d.closedAt = now;
        trail.record(member, "definition-published", null, "version " + versionId + " from draft " + d.id
                + ", in force from " + d.effectiveFrom + ", asked for by " + d.proposedBy + ", approved by " + member
                + "; SHA-256 " + sha);
        afterCommit(catalog::invalidate);
        return new Published(versionId, d.effectiveFrom, today, sha, d.id, d.proposedBy, member);
    }

    @Transactional
    public Draft discard(long id, String member) {
        DefinitionDraft d = locked(id);
        open(d);
        d.state = DefinitionDraft.DISCARDED;
        d.closedBy = member;
        d.closedAt = now();
        trail.record(member, "definition-draft-discarded", null, "draft " + d.id);
        return view(d);
    }

    /** What the draft changes in the version it started from, word by word; {@code draftPage} is where its items are. */
    @Transactional
    public DiffView.DiffPage changes(long id, String draftPage) {
        DefinitionDraft d = DefinitionDraft.<DefinitionDraft>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("draft " + id));
        DefinitionVersion base = catalog.byId(d.basedOn).orElseThrow();
        DefinitionVersion draft = read(d).asVersion(d.publishedVersion == null ? "draft-" + d.id : d.publishedVersion,
                d.effectiveFrom == null ? base.effectiveFrom() : d.effectiveFrom, null);
        return new DiffView(catalog, json, v -> v == draft ? draftPage : "/definition/" + v.id()).draft(base, draft);
    }

    /** The earliest date a version published today may take effect, and the latest version, for the pages' hints. */
    public LocalDate earliestEffectiveDate() {
        LocalDate tomorrow = time.today().plusDays(1);
        LocalDate afterLatest = catalog.latest().effectiveFrom().plusDays(1);
        return afterLatest.isAfter(tomorrow) ? afterLatest : tomorrow;
    }

    // ---------------------------------------------------------------- rules of the steps

    private void dateAllowed(LocalDate effectiveFrom, DefinitionVersion latest) {
        LocalDate tomorrow = time.today().plusDays(1);
        if (effectiveFrom.isBefore(tomorrow)) {
            throw ProblemException.invalidField("effectiveFrom", words.tooSoon(tomorrow));
        }
        if (!effectiveFrom.isAfter(latest.effectiveFrom())) {
            throw ProblemException.invalidField("effectiveFrom",
                    words.notAfterTheLatest(latest.id(), latest.effectiveFrom()));
        }
    }

    private DefinitionVersion stillTheBase(DefinitionDraft d) {
        DefinitionVersion latest = catalog.latest();
        if (!latest.id().equals(d.basedOn)) {
            throw conflict(words.baseOvertaken(d.basedOn, latest.id()));
        }
        return latest;
    }

    private void editable(DefinitionDraft d, Long seen) {
        open(d);
        if (DefinitionDraft.PROPOSED.equals(d.state)) {
            throw conflict(words.awaitingApproval());
        }
        if (seen != null && seen != d.revision) {
            throw conflict(words.savedMeanwhile());
        }
    }

    private void proposed(DefinitionDraft d) {
        open(d);
        if (!DefinitionDraft.PROPOSED.equals(d.state)) {
            throw conflict(words.notProposed());
        }
    }

    private void open(DefinitionDraft d) {
        if (DefinitionDraft.PUBLISHED.equals(d.state)) {
            throw conflict(words.published(d.publishedVersion));
        }
        if (DefinitionDraft.DISCARDED.equals(d.state)) {
            throw conflict(words.discarded());
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the draft's current state", detail, List.of());
    }

    private DefinitionDraft locked(long id) {
        return DefinitionDraft.<DefinitionDraft>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("draft " + id));
    }

    private void afterCommit(Runnable action) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private Draft view(DefinitionDraft d) {
        return new Draft(d.id, d.basedOn, d.state, d.revision, d.createdBy, d.createdAt, d.updatedBy, d.updatedAt,
                d.effectiveFrom, d.proposedBy, d.proposedAt, d.publishedVersion, d.closedBy, d.closedAt, read(d));
    }

    private DraftContent read(DefinitionDraft d) {
        try {
            return json.readValue(d.content, DraftContent.class).normalized();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draft " + d.id + " does not read back", e);
        }
    }

    private String write(DraftContent c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MICROS);
    }
}
