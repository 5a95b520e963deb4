package org.evenhand.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Member;
import org.evenhand.identity.MemberDirectory;

/**
 * A member's data-protection requests, answered or not, for the DPO: finding the member by name or
 * membership number (names and numbers only), and every subject access and erasure request they made,
 * online or by post, with when it was received, when it is due, and when and by whom it was answered.
 */
@ApplicationScoped
public class RequestHistory {

    /**
     * One request. kind: access or erasure; receivedVia: online or post; answeredAt/answeredBy: when the
     * DPO marked it answered (access) or decided it (erasure); approved: the erasure decision; withheld:
     * what an answered subject access request left out, and under which exemption.
     */
    public record Entry(String kind, long id, String receivedVia, String recordedBy, Instant receivedAt, Instant dueAt,
            boolean overdue, Instant answeredAt, String answeredBy, Boolean approved,
            List<SubjectAccessRequests.WithheldRecord> withheld) {
    }

    /** A member and their requests, newest first. */
    public record History(String membershipNumber, String displayName, List<Entry> requests) {
    }

    static final String ACCESS = "access";
    static final String ERASURE = "erasure";

    @Inject
    MemberDirectory directory;
    @Inject
    SubjectAccessRequests access;
    @Inject
    ErasureService erasure;

    /** Members by part of the name or the exact membership number (2 to 100 characters; at most 20). */
    public List<MemberDirectory.MemberSummary> find(String q) {
        return directory.search(q);
    }

    @Transactional
    public History of(String membershipNumber) {
        Member m = Member.byMembershipNumber(membershipNumber)
                .orElseThrow(() -> ProblemException.notFound("member " + membershipNumber));
        List<Entry> all = new ArrayList<>();
        access.of(m).forEach(r -> all.add(entry(r)));
        erasure.of(m).forEach(r -> all.add(entry(r)));
        all.sort(Comparator.comparing(Entry::receivedAt).reversed().thenComparing(Entry::id, Comparator.reverseOrder()));
        return new History(m.membershipNumber, m.displayName, all);
    }

    static Entry entry(SubjectAccessRequests.RequestView r) {
        return new Entry(ACCESS, r.id(), r.receivedVia(), r.recordedBy(), r.requestedAt(), r.dueAt(), r.overdue(),
                r.fulfilledAt(), r.fulfilledBy(), null, r.withheld());
    }

    static Entry entry(ErasureService.RequestView r) {
        return new Entry(ERASURE, r.id(), r.receivedVia(), r.recordedBy(), r.requestedAt(), r.dueAt(), r.overdue(),
                r.decidedAt(), r.decidedBy(), r.approved(), null);
    }
}
