package org.evenhand.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Member;

/**
 * A request that came by post, recorded by the DPO on the member's behalf (after checking that the
 * letter is theirs): a subject access or an erasure request, received on the day the letter arrived,
 * recorded as received by post and by whom, on the trail.
 */
@ApplicationScoped
public class PostalRequests {

    @Inject
    Commands commands;
    @Inject
    SubjectAccessRequests access;
    @Inject
    ErasureService erasure;

    @Transactional
    public RequestHistory.Entry record(String dpo, String membershipNumber, PostalRequest in) {
        PostalRequest r = commands.check(in);
        Member m = Member.byMembershipNumber(membershipNumber)
                .orElseThrow(() -> ProblemException.notFound("member " + membershipNumber));
        return r.kind() == PostalRequest.Kind.ACCESS
                ? RequestHistory.entry(access.recordByPost(m, r.receivedOn(), dpo))
                : RequestHistory.entry(erasure.recordByPost(m, r.receivedOn(), r.statement().strip(), dpo));
    }
}
