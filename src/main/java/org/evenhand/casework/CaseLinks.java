package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenhand.casework.rules.SameExchange;
import org.evenhand.identity.Handler;

/**
 * Other cases a caseworker should know about: between the same two members (a counter-complaint,
 * or an earlier complaint the same way), and other complaints about the same respondent, which
 * matter for repetition and for pile-ons. Only cases the caseworker may handle are listed.
 */
@ApplicationScoped
public class CaseLinks {

    public record Linked(String ref, String relation, String stage, Instant receivedAt) {
    }

    /** A counter-complaint about the same exchange, as the panel may see it: no names, its reference, stage and outcome. */
    public record CounterComplaint(String ref, String relation, String stage, String outcome) {

        /** The outcome as the pages say it. */
        public String outcomeInWords() {
            return outcome == null ? "Not decided yet" : switch (CaseFile.Outcome.valueOf(outcome)) {
                case UPHELD -> "Upheld";
                case NOT_UPHELD -> "Not upheld";
                case DISMISSED_AT_TRIAGE -> "Dismissed at triage";
                case WITHDRAWN -> "Withdrawn";
            };
        }
    }

    static final String COUNTER = "A counter-complaint about the same exchange exists: the respondent complained about"
            + " the complainant";

    @Inject
    CaseViews views;
    @Inject
    Assignment assignment;

    /**
     * Counter-complaints about the same exchange (SameExchange), for every reader of the staff view,
     * the panel included: nothing in them names anyone.
     */
    List<CounterComplaint> counterComplaints(CaseFile c) {
        if (c.complainant == null || c.respondent == null) {
            return List.of();
        }
        List<CaseFile> swapped = CaseFile.list("id <> ?1 and complainant.id = ?2 and respondent.id = ?3 order by receivedAt",
                c.id, c.respondent.id, c.complainant.id);
        return swapped.stream().filter(o -> SameExchange.isCounterComplaint(true, c.conductLink, o.conductLink,
                c.conductDate, o.conductDate)).map(o -> new CounterComplaint(o.ref, COUNTER, views.stage(o).label(),
                        o.outcome == null ? null : o.outcome.name())).toList();
    }

    @Transactional
    public List<Linked> of(String caseworker, String ref) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        if (c.complainant == null || c.respondent == null) {
            return List.of();
        }
        List<Linked> out = new ArrayList<>();
        List<CaseFile> related = CaseFile.list("id <> ?1 and (complainant.id in (?2, ?3) or respondent.id = ?3)"
                + " order by receivedAt desc", c.id, c.complainant.id, c.respondent.id);
        for (CaseFile o : related) {
            if (o.complainant == null || o.respondent == null
                    || !assignment.isEligible(o, Handler.CASEWORKER, caseworker)) {
                continue;
            }
            String relation;
            if (o.complainant.id.equals(c.respondent.id) && o.respondent.id.equals(c.complainant.id)) {
                relation = "Counter-complaint: the respondent complained about the complainant";
            } else if (o.complainant.id.equals(c.complainant.id) && o.respondent.id.equals(c.respondent.id)) {
                relation = "Another complaint by the same complainant about the same respondent";
            } else if (o.respondent.id.equals(c.respondent.id)) {
                relation = "A complaint about the same respondent by someone else";
            } else {
                continue;
            }
            out.add(new Linked(o.ref, relation, views.stage(o).label(), o.receivedAt));
        }
        return out;
    }
}
