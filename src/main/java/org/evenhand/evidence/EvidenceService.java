package org.evenhand.evidence;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.CaseLetters;
import org.evenhand.casework.CaseProcess;
import org.evenhand.casework.CaseViews;
import org.evenhand.casework.EvidenceGate;
import org.evenhand.casework.EvidenceGate.Excerpt;
import org.evenhand.casework.Party;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.evidence.EvidenceRecords.Content;
import org.evenhand.evidence.EvidenceRecords.FileContent;
import org.evenhand.evidence.EvidenceRecords.Submission;
import org.evenhand.evidence.EvidenceRecords.View;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * Evidence comes only from the parties to the exchange, each item with an attestation and a
 * consent record, sealed under the case's key. There is deliberately no way for staff to add
 * content, no search over it, and no fetching of links. Every read is logged.
 */
@ApplicationScoped
public class EvidenceService implements EvidenceGate {

    public static final String PURPOSE = "complaint-handling";
    /** The consent notice a party agrees to, in the words of evidence/consent-notice.txt. */
    static final String NOTICE_TEXT = EvidenceRecords.resourceText("evidence/consent-notice.txt");

    @Inject
    EvidenceConfig config;
    @Inject
    FileInspector files;
    @Inject
    SubmissionRules rules;
    @Inject
    Duplicates duplicates;
    @Inject
    CaseVault vault;
    @Inject
    CaseViews views;
    @Inject
    org.evenhand.casework.CaseAccess cases;
    @Inject
    CaseLetters letters;
    @Inject
    CaseProcess process;
    @Inject
    ActionTrail trail;
    @Inject
    RefusalLog refusals;
    @Inject
    TimeSource time;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    public EvidenceRecords.ConsentNotice notice() {
        return new EvidenceRecords.ConsentNotice(config.consentNoticeVersion(), PURPOSE, NOTICE_TEXT);
    }

    /** A text or link; the same one given again by the same person is not stored twice. */
    @Transactional
    public EvidenceRecords.Stored submit(Member member, String ref, Submission in) {
        CaseFile c = caseOfParty(member, ref, "evidence-submission-refused");
        rules.checkConsent(in.attestPartyToExchange(), in.consent());
        byte[] content;
        if (in.kind() == EvidenceRecords.Kind.text) {
            if (in.text() == null || in.text().isBlank()) {
                throw ProblemException.invalidField("text", "give the text of the post or message");
            }
            content = in.text().getBytes(StandardCharsets.UTF_8);
        } else {
            content = rules.checkedLink(in.url()).getBytes(StandardCharsets.UTF_8);
        }
        return store(c, member, in.kind().name(), content, content, in.threadContext(), in.consent(), null, null);
    }

    /**
     * A file: refused unless it is PNG, JPEG or PDF and passes FileInspector (images are stored
     * re-encoded, without metadata); the same bytes given again by the same person are not stored twice.
     */
    @Transactional
    public EvidenceRecords.Stored submitFile(Member member, String ref, byte[] bytes, String originalName,
            List<String> threadContext, Boolean attested, EvidenceRecords.Consent consent) {
        CaseFile c = caseOfParty(member, ref, "evidence-submission-refused");
        rules.checkConsent(attested, consent);
        rules.checkFileSize(bytes.length);
        FileInspector.Inspected kept = files.inspect(bytes);
        return store(c, member, "file", bytes, kept.bytes(), threadContext, consent, kept.mediaType(),
                files.safeName(originalName, kept.mediaType()));
    }

    private EvidenceRecords.Stored store(CaseFile c, Member member, String kind, byte[] given, byte[] kept,
            List<String> threadContext, EvidenceRecords.Consent consent, String mediaType, String filename) {
        String fingerprint = duplicates.fingerprint(c, member, kind, given);
        java.util.Optional<EvidenceItem> before = duplicates.existing(c, member, fingerprint);
        if (before.isPresent()) {
            return new EvidenceRecords.Stored(view(before.get(), member), false);
        }
        EvidenceItem item = newItem(c, member, kind, threadContext, consent);
        item.contentFingerprint = fingerprint;
        item.mediaType = mediaType;
        item.filename = filename;
        item.content = vault.sealBytes(c.ref, kept);
        item.sizeBytes = (long) kept.length;
        item.persist();
        added(c, member, item);
        return new EvidenceRecords.Stored(view(item, member), true);
    }

    /** 404 (and the attempt logged) unless the member is a party who may add evidence to this open case. */
    @Transactional
    public void requireParty(Member member, String ref) {
        caseOfParty(member, ref, "evidence-submission-refused");
    }

    @Transactional
    public List<View> forMember(Member member, String ref) {
        CaseFile c = cases.visibleTo(member, ref);
        return EvidenceItem.ofCase(c.id).stream().filter(i -> memberMayRead(c, member, i)).map(i -> view(i, member))
                .toList();
    }

    @Transactional
    public List<View> forStaff(String username, boolean caseworker, boolean panel, String ref) {
        CaseFile c = views.requireStaffAccess(username, caseworker, panel, ref);
        boolean blind = !views.handles(username, caseworker, c);
        return EvidenceItem.ofCase(c.id).stream().map(i -> blind ? View.blind(i) : view(i, null)).toList();
    }

    @Transactional
    public Object readAsMember(Member member, String ref, long id) {
        CaseFile c = cases.visibleTo(member, ref);
        EvidenceItem item = item(c, id);
        if (!memberMayRead(c, member, item)) {
            throw ProblemException.notFound("evidence item " + id);
        }
        return read(c, item, member.username, c.partyOf(member).label());
    }

    /**
     * A panel member (who works blind) reads text with the parties' names, handles and every place
     * name struck out, as on the case, and a file only as the caseworker decided (Redactions): the
     * redacted copy, or the file as given where it needs none. A file with no decision yet is not
     * found for them, as an original is never theirs to open (decision 0028).
     */
    @Transactional
    public Object readAsStaff(String username, boolean caseworker, boolean panel, String ref, long id) {
        CaseFile c = views.requireStaffAccess(username, caseworker, panel, ref);
        boolean handles = views.handles(username, caseworker, c);
        EvidenceItem item = item(c, id);
        if (!handles && item.inUse() && !item.readyForBlindReader()) {
            throw ProblemException.notFound("evidence item " + id);
        }
        Object content = read(c, item, username, handles ? "caseworker" : "panel");
        if (handles) {
            return content;
        }
        if (content instanceof FileContent f) {
            boolean redacted = Redactions.REDACTED.equals(item.redaction);
            String type = redacted ? item.redactedMediaType : f.mediaType();
            return new FileContent(EvidenceRecords.blindName(item.id, type), type,
                    redacted ? vault.openBytes(c.ref, item.redactedContent) : f.bytes());
        }
        Content t = (Content) content;
        java.util.function.UnaryOperator<String> blind = views.blinding(c);
        return new Content(t.id(), t.kind(), blind.apply(t.text()), blind.apply(t.url()),
                t.threadContext().stream().map(blind).toList());
    }

    /** Withdrawal, as easy as giving: the item is sealed for good and the case goes back to triage. */
    @Transactional
    public View withdraw(Member member, String ref, long id) {
        CaseFile c = cases.visibleTo(member, ref);
        EvidenceItem item = item(c, id);
        if (!member.id.equals(item.submittedBy)) {
            throw ProblemException.notFound("evidence item " + id);
        }
        if (!item.inUse()) {
            throw ProblemException.conflict("this item was already " + item.sealedReason);
        }
        Instant now = time.now();
        item.consentWithdrawnAt = now;
        seal(item, "withdrawn by the person who gave it", now);
        letters.record(c, member.username, "consent-withdrawn", staff, "Consent withdrawn for evidence item " + id);
        if (!process.deliver(c.ref, "EvidenceWithdrawn", Map.of())) {
            Party party = c.partyOf(member);
            letters.tellMember(c, member, party, "consent-withdrawn", EvidenceLetters.consentWithdrawn(
                    new EvidenceLetters.ConsentWithdrawn(id, c.status == CaseFile.Status.RECEIVED
                            ? EvidenceLetters.CaseState.NOT_TRIAGED : c.status == CaseFile.Status.OPEN
                                    ? EvidenceLetters.CaseState.DECIDED : EvidenceLetters.CaseState.ENDED)));
        }
        return view(item, member);
    }

    @Transactional
    public View recordLawfulBasis(String caseworker, String ref, long id, EvidenceRecords.LawfulBasisRecord in) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        EvidenceItem item = item(c, id).requireInUse();
        item.lawfulBasis = in.basis().code;
        item.lawfulBasisReason = vault.seal(c.ref, in.reason());
        item.lawfulBasisBy = caseworker;
        item.lawfulBasisAt = time.now();
        letters.record(c, caseworker, "lawful-basis", staff, "Lawful basis for evidence item " + id + ": "
                + in.basis().code + ". Reason: " + in.reason());
        return view(item, null);
    }

    /** Checks a lawful basis for an item as {@link #recordLawfulBasis} would, recording nothing. */
    @Transactional
    public void checkLawfulBasis(String caseworker, String ref, long id) {
        item(views.requireStaffAccess(caseworker, true, false, ref), id).requireInUse();
    }

    @Override
    public void checkExcerpt(Excerpt e) {
        // its length and the thread's are the record's (ComplaintRequest.evidence); the notice in force is ours
        rules.checkConsent(e.attestPartyToExchange(), new EvidenceRecords.Consent(e.noticeVersion(), e.purpose()));
    }

    /** The post given with the complaint: stored as the complainant's text item, in the filing's transaction. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long giveWithComplaint(CaseFile c, Member complainant, Excerpt e) {
        checkExcerpt(e);
        byte[] content = e.text().getBytes(StandardCharsets.UTF_8);
        return store(c, complainant, "text", content, content, e.threadContext(),
                new EvidenceRecords.Consent(e.noticeVersion(), e.purpose()), null, null).view().id();
    }

    @Override
    public List<Long> itemsLackingLawfulBasis(CaseFile c) {
        return EvidenceItem.<EvidenceItem>list("caseId = ?1 and party = 'complainant' and sealedAt is null"
                + " and lawfulBasis is null order by id", c.id).stream().map(i -> i.id).toList();
    }

    /** Removes the content of every item of a case (retention, erasure); the records of consent remain. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int destroyAll(CaseFile c, String reason) {
        int n = 0;
        for (EvidenceItem item : EvidenceItem.ofCase(c.id)) {
            if (item.inUse()) {
                seal(item, reason, time.now());
                n++;
            }
        }
        return n;
    }

    /** Removes the content of every item this member gave on the case (erasure of one joined complainant's part). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int destroyGivenBy(CaseFile c, Member m, String reason) {
        int n = 0;
        for (EvidenceItem item : EvidenceItem.ofCase(c.id)) {
            if (item.inUse() && m.id.equals(item.submittedBy)) {
                seal(item, reason, time.now());
                n++;
            }
        }
        return n;
    }

    public List<EvidenceItem> givenBy(Member m) {
        return EvidenceItem.list("submittedBy = ?1 order by id", m.id);
    }

    private Object read(CaseFile c, EvidenceItem item, String reader, String capacity) {
        if (!item.inUse()) {
            throw new ProblemException(410, "evidence-sealed", "Evidence no longer available",
                    "evidence item " + item.id + " was " + item.sealedReason + " and can never be read again", List.of());
        }
        em.createNativeQuery("INSERT INTO evidence_reads (evidence_id, reader, capacity, read_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, item.id).setParameter(2, reader).setParameter(3, capacity).setParameter(4, time.now())
                .executeUpdate();
        trail.record(reader, "evidence-read", c.ref, "item " + item.id + " as " + capacity);
        byte[] plain = vault.openBytes(c.ref, item.content);
        if ("file".equals(item.kind)) {
            return new FileContent(item.filename, item.mediaType, plain);
        }
        String value = new String(plain, StandardCharsets.UTF_8);
        return new Content(item.id, item.kind, "text".equals(item.kind) ? value : null,
                "link".equals(item.kind) ? value : null, threadContext(c, item));
    }

    private List<String> threadContext(CaseFile c, EvidenceItem item) {
        if (item.threadContext == null) {
            return List.of();
        }
        try {
            return json.readValue(vault.openBytes(c.ref, item.threadContext), new TypeReference<List<String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void seal(EvidenceItem item, String reason, Instant at) {
        item.content = null;
        item.threadContext = null;
        item.contentFingerprint = null;
        item.redactedContent = null;
        item.sealedAt = at;
        item.sealedReason = reason;
    }

    private boolean memberMayRead(CaseFile c, Member m, EvidenceItem i) {
        if (m.id.equals(i.submittedBy)) {
            return true;
        }
        // what the respondent must answer includes the complainant's evidence, once the allegation is put to them
        return c.partyOf(m) == Party.RESPONDENT && "complainant".equals(i.party) && c.respondentNotifiedAt != null;
    }

    private CaseFile caseOfParty(Member member, String ref, String refusal) {
        CaseFile c = CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
        if (!c.isVisibleTo(member)) {
            // someone trying to put content into a case about other people: kept for audit
            refusals.refused(member.username, refusal, ref, "not a party to the case");
            throw ProblemException.notFound("case " + ref);
        }
        if (!c.status.isLive()) {
            throw ProblemException.conflict("case " + ref + " has ended; no more evidence can be added");
        }
        return c;
    }

    private EvidenceItem newItem(CaseFile c, Member member, String kind, List<String> thread,
            EvidenceRecords.Consent consent) {
        if (thread != null && thread.size() > org.evenhand.common.FieldLimits.THREAD_MESSAGES) {
            throw ProblemException.invalidField("threadContext", "at most " + org.evenhand.common.FieldLimits.THREAD_MESSAGES + " messages");
        }
        EvidenceItem item = new EvidenceItem();
        item.caseId = c.id;
        item.submittedBy = member.id;
        item.party = c.partyOf(member).label();
        item.kind = kind;
        item.attestedParty = true;
        item.consentNoticeVersion = consent.noticeVersion();
        item.consentPurpose = consent.purpose();
        item.createdAt = time.now();
        item.consentGivenAt = item.createdAt;
        if ("respondent".equals(item.party)) {
            item.lawfulBasis = "consent";
            item.lawfulBasisBy = "self";
            item.lawfulBasisAt = item.createdAt;
        }
        if (thread != null && !thread.isEmpty()) {
            try {
                item.threadContext = vault.sealBytes(c.ref, json.writeValueAsBytes(thread));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return item;
    }

    private void added(CaseFile c, Member member, EvidenceItem item) {
        letters.record(c, member.username, "evidence-added", staff, "Evidence item " + item.id + " (" + item.kind
                + ") given by the " + item.party + " with consent to notice " + item.consentNoticeVersion);
        // the complainant's evidence added after the allegation was put to the respondent is disclosed to them
        if ("complainant".equals(item.party) && c.respondentNotifiedAt != null && c.respondent != null) {
            letters.tell(c, Party.RESPONDENT, "evidence-disclosed",
                    EvidenceLetters.evidenceAdded(new EvidenceLetters.EvidenceAdded(item.kind, item.createdAt)));
        }
    }

    private EvidenceItem item(CaseFile c, long id) {
        EvidenceItem item = EvidenceItem.findById(id);
        if (item == null || !item.caseId.equals(c.id)) {
            throw ProblemException.notFound("evidence item " + id);
        }
        return item;
    }

    static View view(EvidenceItem i, Member viewer) {
        return View.of(i, viewer);
    }
}
