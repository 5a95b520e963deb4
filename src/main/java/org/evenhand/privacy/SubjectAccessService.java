package org.evenhand.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.CaseViews;
import org.evenhand.casework.Party;
import org.evenhand.common.Durations;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.evidence.EvidenceItem;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * Subject access (UK GDPR Art. 15): everything held about a member in one ZIP, data.json plus the
 * files they gave. Other people are redacted: staff appear by role; for a complainant the respondent
 * is "the respondent" and other complainants are struck out; for the respondent the first complainant
 * is named only if they may be told who complained (decision 0029), otherwise "the complainant", and
 * complainants who joined the case are counted, never named. Membership numbers and emails of
 * others are struck from all free text.
 */
@ApplicationScoped
public class SubjectAccessService {

    public record RequestView(Long id, String membershipNumber, Instant requestedAt, Instant dueAt, boolean overdue,
            Instant fulfilledAt) {
    }

    @Inject
    CaseViews views;
    @Inject
    org.evenhand.casework.ComplainantIdentity identity;
    @Inject
    CaseVault vault;
    @Inject
    org.evenhand.casework.CaseMessages messages;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;
    @Inject
    PrivacyConfig config;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** The pack for a member by number, for the DPO (404 when there is no such member). */
    @Transactional
    public DataPack packOf(String membershipNumber, String requestedBy) {
        Member m = Member.byMembershipNumber(membershipNumber)
                .orElseThrow(() -> org.evenhand.common.ProblemException.notFound("member " + membershipNumber));
        return new DataPack(pack(m, requestedBy), m.membershipNumber);
    }

    /** A member's own pack. */
    @Transactional
    public DataPack packFor(Member m) {
        return new DataPack(pack(m, m.username), m.membershipNumber);
    }

    @Transactional
    public byte[] pack(Member m, String requestedBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generatedAt", time.now());
        data.put("about", "Everything Evenhand holds about you. Other people's identities are removed, except the"
                + " name of a complainant who has been named to you.");
        data.put("member", Map.of("membershipNumber", m.membershipNumber, "displayName", m.displayName,
                "email", String.valueOf(m.email), "clp", m.clp, "region", m.region, "joinedOn", m.joinedOn));
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        List<Map<String, Object>> evidenceGiven = new ArrayList<>();
        List<Map<String, Object>> evidenceAbout = new ArrayList<>();
        List<CaseFile> mine = CaseFile.list("select c from CaseFile c where c.complainant.id = ?1"
                + " or (c.respondent.id = ?1 and c.respondentNotifiedAt is not null)"
                + " or c.id in (select j.caseId from JoinedComplainant j where j.memberId = ?1) order by c.receivedAt", m.id);
        for (CaseFile c : mine) {
            Party party = c.partyOf(m);
            // the respondent reads who complained as decision 0029 allows; a complainant, no other complainant
            java.util.function.UnaryOperator<String> r = party == Party.RESPONDENT ? identity.forRespondent(c)
                    : new Redactor(c.respondent, identity.forComplainant(c, m))::apply;
            CaseViews.MemberCase view = views.forMember(m, c.ref);
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("ref", c.ref);
            cv.put("yourRole", party.label());
            cv.put("otherParty", party == Party.RESPONDENT ? view.otherParty() : "the respondent");
            if (party == Party.RESPONDENT && view.othersComplained() != null && view.othersComplained() > 0) {
                cv.put("othersComplained", view.othersComplained());
            }
            cv.put("status", view.status());
            cv.put("outcome", view.outcome());
            cv.put("receivedAt", view.receivedAt());
            cv.put("conductDate", view.conductDate());
            cv.put("definitionVersion", view.definitionVersion());
            cv.put("clausesCited", view.clausesCited());
            cv.put("clausesEngaged", view.clausesEngaged());
            cv.put("allegation", r.apply(view.allegation()));
            cv.put("decisions", view.decisions().stream().map(d -> Map.of("bench", d.bench(), "findings", d.findings(),
                    "upheld", d.upheld(), "sanction", d.sanction(), "reasons", r.apply(d.reasons()),
                    "decidedAt", d.decidedAt())).toList());
            cv.put("timeline", view.timeline().stream().map(e -> Map.of("at", e.at(), "kind", e.kind(),
                    "summary", r.apply(e.summary()))).toList());
            // the member's own thread with their caseworker, both ways (decision 0033); staff by role only
            cv.put("messages", messages.threadOf(m, c).stream().map(x -> Map.of("at", x.at(), "from", x.from(),
                    "text", r.apply(x.text()))).toList());
            if (view.interimSuspension() != null) {
                cv.put("interimSuspension", view.interimSuspension());
            }
            if (view.sanctionOnRecord() != null) {
                cv.put("sanctionOnRecord", view.sanctionOnRecord());
            }
            cases.add(cv);
            for (EvidenceItem item : EvidenceItem.ofCase(c.id)) {
                boolean given = m.id.equals(item.submittedBy);
                boolean about = !given && party == Party.RESPONDENT && "complainant".equals(item.party);
                if (!given && !about) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("id", item.id);
                ev.put("caseRef", c.ref);
                ev.put("kind", item.kind);
                ev.put("status", item.inUse() ? "in-use" : item.sealedReason);
                ev.put("lawfulBasis", item.lawfulBasis);
                if (given) {
                    ev.put("consent", Map.of("noticeVersion", item.consentNoticeVersion, "purpose", item.consentPurpose,
                            "givenAt", item.consentGivenAt, "withdrawnAt", String.valueOf(item.consentWithdrawnAt)));
                }
                if (item.inUse() && !vault.isErased(c.ref)) {
                    byte[] plain;
                    try {
                        plain = vault.openBytes(c.ref, item.content);
                    } catch (org.evenhand.crypto.IntegrityException e) {
                        ev.put("content", "could not be read: it failed its integrity check; the data protection"
                                + " officer has been told");
                        trail.record(requestedBy, "integrity-failure", c.ref, "evidence item " + item.id + " in a SAR pack");
                        (given ? evidenceGiven : evidenceAbout).add(ev);
                        continue;
                    }
                    if ("file".equals(item.kind)) {
                        if (given) {
                            String name = "files/" + item.id + "-" + item.filename;
                            files.put(name, plain);
                            ev.put("file", name);
                        } else {
                            ev.put("file", "a " + item.mediaType + " file given by the complainant; ask the data"
                                    + " protection officer for a copy with other people's details removed");
                        }
                    } else {
                        ev.put(item.kind, r.apply(new String(plain, java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
                (given ? evidenceGiven : evidenceAbout).add(ev);
            }
        }
        data.put("cases", cases);
        data.put("evidenceYouGave", evidenceGiven);
        data.put("evidenceAboutYou", evidenceAbout);
        data.put("logEntries", logEntries(m, mine));
        trail.record(requestedBy, "subject-access-export", null, "pack for member " + m.id);
        return zip(data, files);
    }

    /** What the log says you did, what was done on your cases (by role, not name), and who read your evidence. */
    private List<Map<String, Object>> logEntries(Member m, List<CaseFile> cases) {
        List<String> staffNames = Handler.<Handler>listAll().stream().map(h -> h.username).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> refs = cases.stream().map(c -> c.ref).toList();
        // the two parties of each case; what other complainants who joined a case did is about them, not you
        Map<String, java.util.Set<String>> parties = new java.util.HashMap<>();
        for (CaseFile c : cases) {
            java.util.Set<String> names = new java.util.HashSet<>();
            if (c.complainant != null) {
                names.add(c.complainant.username);
            }
            if (c.respondent != null) {
                names.add(c.respondent.username);
            }
            parties.put(c.ref, names);
        }
        for (ActionTrail.Logged e : trail.byActorOrCases(m.username, refs)) {
            String who = e.actor().equals(m.username) ? "you" : staffNames.contains(e.actor()) ? "staff"
                    : "process".equals(e.actor()) || "system".equals(e.actor()) ? "the process" : "another person";
            if ("another person".equals(who)
                    && !parties.getOrDefault(String.valueOf(e.caseRef()), java.util.Set.of()).contains(e.actor())) {
                continue;
            }
            out.add(Map.of("at", e.at(), "by", who, "action", e.action(), "caseRef", String.valueOf(e.caseRef())));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> reads = em.createNativeQuery("""
                SELECT r.evidence_id, r.capacity, r.read_at FROM evidence_reads r
                JOIN evidence_items i ON i.id = r.evidence_id WHERE i.submitted_by = ?1 ORDER BY r.id""")
                .setParameter(1, m.id).getResultList();
        for (Object[] row : reads) {
            out.add(Map.of("at", row[2], "by", String.valueOf(row[1]), "action", "read your evidence item " + row[0]));
        }
        return out;
    }

    private byte[] zip(Map<String, Object> data, Map<String, byte[]> files) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(data));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public RequestView request(Member m) {
        Instant now = time.now();
        em.createNativeQuery("INSERT INTO subject_access_requests (member_id, requested_at, due_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, m.id).setParameter(2, now).setParameter(3, Durations.after(now, config.responseDeadline()))
                .executeUpdate();
        trail.record(m.username, "subject-access-requested", null, "");
        return open().stream().filter(r -> r.membershipNumber().equals(m.membershipNumber)).reduce((a, b) -> b)
                .orElseThrow();
    }

    @Transactional
    public List<RequestView> open() {
        Instant now = time.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, m.membership_number, r.requested_at, r.due_at, r.fulfilled_at FROM subject_access_requests r
                JOIN members m ON m.id = r.member_id WHERE r.fulfilled_at IS NULL ORDER BY r.due_at""").getResultList();
        return rows.stream().map(r -> new RequestView(((Number) r[0]).longValue(), (String) r[1], instant(r[2]),
                instant(r[3]), instant(r[3]).isBefore(now), null)).toList();
    }

    @Transactional
    public void fulfil(long id, String dpo) {
        int n = em.createNativeQuery("UPDATE subject_access_requests SET fulfilled_at = ?2, fulfilled_by = ?3"
                + " WHERE id = ?1 AND fulfilled_at IS NULL").setParameter(1, id).setParameter(2, time.now())
                .setParameter(3, dpo).executeUpdate();
        if (n == 0) {
            throw ProblemException.notFound("open subject access request " + id);
        }
        trail.record(dpo, "subject-access-fulfilled", null, "request " + id);
    }

    static Instant instant(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toInstant() : o instanceof java.time.OffsetDateTime d ? d.toInstant()
                : (Instant) o;
    }

    /** Strikes a third party's names, username, membership number and email from free text, after {@code first}. */
    static final class Redactor {
        private final org.evenhand.common.NameRedaction redaction;
        private final java.util.function.UnaryOperator<String> first;

        Redactor(Member other, java.util.function.UnaryOperator<String> first) {
            this.first = first;
            redaction = other == null ? new org.evenhand.common.NameRedaction(null, List.of(), "")
                    : new org.evenhand.common.NameRedaction(other.displayName,
                            java.util.Arrays.asList(other.membershipNumber, other.username, other.email), "[third party]");
        }

        String apply(String text) {
            return redaction.apply(first.apply(text));
        }
    }
}
