package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evenhand.casework.rules.Disclosure;
import org.evenhand.casework.rules.Disclosure.Reader;
import org.evenhand.common.NameRedaction;
import org.evenhand.identity.Member;

/**
 * Who complained, as each party may be shown it (the rule: {@link Disclosure}, decision 0029). The
 * respondent, once the allegation is put to them, reads the first complainant's name unless
 * anonymity was granted (then "the complainant", and their name, membership number, login and email
 * are struck from every text they read); complainants who joined the case are never named to them,
 * only counted. A complainant's membership number and email are never shown to the respondent.
 */
@ApplicationScoped
public class ComplainantIdentity {

    /** At triage: the complainant's pending request, for the caseworker to decide (why, and in their words). */
    public record PendingRequest(String ground, String reasons) {
    }

    static final String THE_COMPLAINANT = "[the complainant]";

    @Inject
    CaseViews views;

    /**
     * The request for anonymity triage must decide, if one is pending; null otherwise. For the caseworker's
     * triage form only (the caller has checked that they may see the case): never for a panel.
     */
    @Transactional
    public PendingRequest pendingRequest(String ref) {
        CaseFile c = CaseFile.byRef(ref).orElseThrow();
        if (!c.anonymityState().needsDecision()) {
            return null;
        }
        AnonymityGround g = AnonymityGround.of(c.anonymityGround);
        return new PendingRequest(g == null ? c.anonymityGround : g.words(), views.text(c, c.anonymityReasons));
    }
    static final String ANOTHER_COMPLAINANT = "[another complainant]";

    /** Whether the respondent may now be told the first complainant's name. */
    public boolean namedToRespondent(CaseFile c) {
        return c.complainant != null
                && Disclosure.seesComplainant(Reader.RESPONDENT, c.respondentNotifiedAt != null, c.anonymityState());
    }

    /** The first complainant's name for the respondent, or null when it is kept from them. */
    public String nameForRespondent(CaseFile c) {
        return namedToRespondent(c) ? c.complainant.displayName : null;
    }

    /** How many complainants joined the case (pile-on merging): all the respondent is told of them. */
    public int othersJoined(CaseFile c) {
        return (int) JoinedComplainant.count("caseId = ?1", c.id);
    }

    /** What the respondent reads of any free text on the case. */
    public UnaryOperator<String> forRespondent(CaseFile c) {
        List<Long> ids = JoinedComplainant.<JoinedComplainant>list("caseId = ?1 and memberId is not null", c.id).stream()
                .map(j -> j.memberId).toList();
        return forRespondent(c, ids.isEmpty() ? List.of() : Member.<Member>list("id in ?1", ids));
    }

    /** The same, the complainants who joined the case already read (their member records). */
    UnaryOperator<String> forRespondent(CaseFile c, List<Member> joined) {
        List<NameRedaction> strike = new ArrayList<>();
        Member lead = c.complainant;
        if (lead != null) {
            strike.add(namedToRespondent(c)
                    ? NameRedaction.identifiers(Arrays.asList(lead.membershipNumber, lead.email), THE_COMPLAINANT)
                    : full(lead, THE_COMPLAINANT));
        }
        joined.forEach(m -> strike.add(full(m, ANOTHER_COMPLAINANT)));
        return apply(strike);
    }

    /** What one complainant reads in their subject access pack: the other complainants struck out. */
    public UnaryOperator<String> forComplainant(CaseFile c, Member reader) {
        List<NameRedaction> strike = new ArrayList<>(joined(c, reader));
        if (c.complainant != null && !c.isLeadComplainant(reader)) {
            strike.add(full(c.complainant, ANOTHER_COMPLAINANT));
        }
        return apply(strike);
    }

    private static List<NameRedaction> joined(CaseFile c, Member except) {
        List<Long> ids = JoinedComplainant.<JoinedComplainant>list("caseId = ?1 and memberId is not null", c.id).stream()
                .map(j -> j.memberId).filter(id -> except == null || !id.equals(except.id)).toList();
        return ids.isEmpty() ? List.of()
                : Member.<Member>list("id in ?1", ids).stream().map(m -> full(m, ANOTHER_COMPLAINANT)).toList();
    }

    private static NameRedaction full(Member m, String role) {
        return new NameRedaction(m.displayName, Arrays.asList(m.membershipNumber, m.username, m.email), role);
    }

    private static UnaryOperator<String> apply(List<NameRedaction> strike) {
        return t -> {
            String out = t;
            for (NameRedaction r : strike) {
                out = r.apply(out);
            }
            return out;
        };
    }
}
