package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.evenhand.identity.Member;

/**
 * The reads behind a member's case view and case list (issue 18), each a fixed number of queries
 * whatever the case's history: the timeline filtered to what this party may see in SQL and read as
 * rows, not entities; the complainants who joined the case read once per view (with their member
 * records, in one query) and shared by everything that strikes or counts them; the case list as
 * rows, with the reader's role worked out in the query.
 */
final class MemberCaseReads {

    private MemberCaseReads() {
    }

    /** A timeline entry as a party's view needs it. */
    record TimelineRow(Instant at, String kind, String summary, String actor) {
    }

    /** One of the member's cases as their list shows it. */
    record ListedCase(String ref, boolean respondent, String stage, CaseFile.Status status, CaseFile.Outcome outcome,
            Instant receivedAt) {
    }

    /** What this party, signed in as this member, sees of the case's timeline, oldest first. */
    static List<TimelineRow> timeline(CaseFile c, Party party, Member reader) {
        return Panache.getEntityManager().createQuery("select e.at, e.kind, e.summary, e.actor from TimelineEntry e"
                + " where e.caseId = ?1 and e.audience in ?2 and (e.memberId is null or e.memberId = ?3) order by e.id",
                TimelineRow.class).setParameter(1, c.id)
                .setParameter(2, List.of(TimelineEntry.Audience.parties, TimelineEntry.Audience.of(party)))
                .setParameter(3, reader.id).getResultList();
    }

    /**
     * The member's cases (first complainant, joined complainant, or respondent once told), newest first,
     * in one query; stepOf answers for an open case whose stage was never kept on it (older cases).
     */
    static List<CaseViews.CaseSummary> casesOf(Member m, Function<String, String> stepOf) {
        return Panache.getEntityManager().createQuery("select c.ref, case when c.respondent.id = ?1"
                + " and (c.complainant.id is null or c.complainant.id <> ?1) then true else false end, c.stage,"
                + " c.status, c.outcome, c.receivedAt from CaseFile c where c.complainant.id = ?1"
                + " or (c.respondent.id = ?1 and c.respondentNotifiedAt is not null)"
                + " or c.id in (select j.caseId from JoinedComplainant j where j.memberId = ?1)"
                + " order by c.receivedAt desc", ListedCase.class).setParameter(1, m.id).getResultList().stream().map(c -> {
                    String step = c.status() == CaseFile.Status.RECEIVED ? "received"
                            : c.status() != CaseFile.Status.OPEN ? null : c.stage() != null ? c.stage() : stepOf.apply(c.ref());
                    return new CaseViews.CaseSummary(c.ref(), (c.respondent() ? Party.RESPONDENT : Party.COMPLAINANT).label(),
                            CaseViews.stage(c.status(), step == null ? List.of() : List.of(step)).label(),
                            CaseViews.status(c.status()), c.outcome() == null ? null : c.outcome().name(), c.receivedAt());
                }).toList();
    }

    /**
     * The complainants who joined a case (pile-on merging), read at most once per view and only if
     * something on it needs them: the respondent's redaction, the report's, or their count.
     */
    static final class Joined {

        private final Long caseId;
        private List<Member> members;
        private int count;

        Joined(CaseFile c) {
            this.caseId = c.id;
        }

        /** Their member records (those not erased from the case), in the order they joined. */
        List<Member> members() {
            if (members == null) {
                List<Object[]> rows = Panache.getEntityManager().createQuery("select j.id, m from JoinedComplainant j"
                        + " left join Member m on m.id = j.memberId where j.caseId = ?1 order by j.id", Object[].class)
                        .setParameter(1, caseId).getResultList();
                members = new ArrayList<>();
                rows.stream().map(r -> (Member) r[1]).filter(java.util.Objects::nonNull).forEach(members::add);
                count = rows.size();
            }
            return members;
        }

        /** How many joined, erased from the case or not: all the respondent is told of them. */
        int count() {
            members();
            return count;
        }

        List<Long> ids() {
            return members().stream().map(m -> m.id).toList();
        }
    }
}
