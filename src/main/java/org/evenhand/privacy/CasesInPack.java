package org.evenhand.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.CaseMessages;
import org.evenhand.casework.CaseViews;
import org.evenhand.casework.ComplainantIdentity;
import org.evenhand.casework.Party;
import org.evenhand.casework.UntoldCases;
import org.evenhand.crypto.CaseVault;
import org.evenhand.crypto.IntegrityException;
import org.evenhand.evidence.EvidenceItem;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * A member's cases and evidence for their subject access pack: every case they made or joined, and
 * every case about them, including those never put to them (decision 0041). Other people are
 * redacted: staff appear by role; for a complainant the respondent is "the respondent" and other
 * complainants are struck out; for the respondent the first complainant is named only if they may be
 * told who complained (decision 0029), otherwise "the complainant", and complainants who joined the
 * case are counted, never named. Membership numbers and emails of others are struck from all free text.
 * What is left out of each case, and why, goes to the pack's index ({@link Withholding}).
 */
@ApplicationScoped
class CasesInPack {

    /** What the pack holds of the member's cases, and what it left out of each. */
    record Contents(List<Map<String, Object>> cases, List<Map<String, Object>> evidenceGiven,
            List<Map<String, Object>> evidenceAbout, Map<String, byte[]> files, List<Withholding.CaseFacts> facts,
            List<CaseFile> all) {
    }

    @Inject
    CaseViews views;
    @Inject
    UntoldCases untold;
    @Inject
    ComplainantIdentity identity;
    @Inject
    CaseMessages messages;
    @Inject
    CaseVault vault;
    @Inject
    ActionTrail trail;
    @Inject
    PrivacyWords words;

    Contents of(Member m, String requestedBy) {
        Contents out = new Contents(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(),
                new ArrayList<>(), CaseFile.list("select c from CaseFile c where c.complainant.id = ?1"
                        + " or c.respondent.id = ?1 or c.id in (select j.caseId from JoinedComplainant j where"
                        + " j.memberId = ?1) order by c.receivedAt", m.id));
        Map<String, UntoldCases.Untold> notPut = new LinkedHashMap<>();
        untold.about(m).forEach(u -> notPut.put(u.ref(), u));
        for (CaseFile c : out.all()) {
            Party party = c.partyOf(m);
            // the respondent reads who complained as decision 0029 allows; a complainant, no other complainant
            UnaryOperator<String> r = party == Party.RESPONDENT ? identity.forRespondent(c)
                    : new SubjectAccessService.Redactor(c.respondent, identity.forComplainant(c, m))::apply;
            UntoldCases.Untold u = party == Party.RESPONDENT ? notPut.get(c.ref) : null;
            out.cases().add(u != null ? untoldCase(u) : toldCase(m, c, party, r));
            int filesWithheld = evidence(m, c, party, r, requestedBy, out);
            Withholding.Role role = party == Party.RESPONDENT ? Withholding.Role.RESPONDENT
                    : c.isLeadComplainant(m) ? Withholding.Role.FIRST_COMPLAINANT : Withholding.Role.JOINED_COMPLAINANT;
            out.facts().add(new Withholding.CaseFacts(c.ref, role,
                    party == Party.RESPONDENT && identity.namedToRespondent(c),
                    party == Party.RESPONDENT ? identity.othersJoined(c) : 0, filesWithheld));
        }
        return out;
    }

    private Map<String, Object> toldCase(Member m, CaseFile c, Party party, UnaryOperator<String> r) {
        CaseViews.MemberCase view = views.forMember(m, c.ref);
        Map<String, Object> cv = new LinkedHashMap<>();
        cv.put("ref", c.ref);
        cv.put("yourRole", party.label());
        cv.put("putToYou", true);
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
        return cv;
    }

    /** A complaint about the member that was never put to them (already redacted by casework). */
    private Map<String, Object> untoldCase(UntoldCases.Untold u) {
        Map<String, Object> cv = new LinkedHashMap<>();
        cv.put("ref", u.ref());
        cv.put("yourRole", Party.RESPONDENT.label());
        cv.put("putToYou", false);
        cv.put("whatHappened", "WITHDRAWN".equals(u.status()) ? words.untoldWithdrawn()
                : "DISMISSED".equals(u.status()) ? words.untoldDismissed() : words.untoldAtTriage());
        cv.put("otherParty", "the complainant");
        if (u.othersComplained() > 0) {
            cv.put("othersComplained", u.othersComplained());
        }
        cv.put("status", u.status());
        cv.put("outcome", u.outcome());
        cv.put("receivedAt", u.receivedAt());
        cv.put("endedAt", u.endedAt());
        cv.put("conductDate", u.conductDate());
        cv.put("definitionVersion", u.definitionVersion());
        cv.put("clausesCited", u.clausesCited());
        cv.put("allegation", u.allegation());
        if (u.triageReasons() != null) {
            cv.put("triageReasons", u.triageReasons());
        }
        return cv;
    }

    /** Adds the evidence the member gave, and as respondent the evidence about them; the files withheld. */
    private int evidence(Member m, CaseFile c, Party party, UnaryOperator<String> r, String requestedBy, Contents out) {
        int filesWithheld = 0;
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
            (given ? out.evidenceGiven() : out.evidenceAbout()).add(ev);
            if (!item.inUse() || vault.isErased(c.ref)) {
                continue;
            }
            byte[] plain;
            try {
                plain = vault.openBytes(c.ref, item.content);
            } catch (IntegrityException e) {
                ev.put("content", "could not be read: it failed its integrity check; the data protection"
                        + " officer has been told");
                trail.record(requestedBy, "integrity-failure", c.ref, "evidence item " + item.id + " in a SAR pack");
                continue;
            }
            if (!"file".equals(item.kind)) {
                ev.put(item.kind, r.apply(new String(plain, StandardCharsets.UTF_8)));
            } else if (given) {
                String name = "files/" + item.id + "-" + item.filename;
                out.files().put(name, plain);
                ev.put("file", name);
            } else {
                ev.put("file", words.whatComplainantsFiles(1));
                filesWithheld++;
            }
        }
        return filesWithheld;
    }

    /** The logins of the two parties of each case: what another person did there is theirs only if they are one. */
    static Map<String, Set<String>> parties(List<CaseFile> cases) {
        Map<String, Set<String>> parties = new java.util.HashMap<>();
        for (CaseFile c : cases) {
            Set<String> names = new HashSet<>();
            if (c.complainant != null) {
                names.add(c.complainant.username);
            }
            if (c.respondent != null) {
                names.add(c.respondent.username);
            }
            parties.put(c.ref, names);
        }
        return parties;
    }
}
