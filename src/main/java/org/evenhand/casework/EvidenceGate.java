package org.evenhand.casework;

import java.util.List;
import org.evenhand.identity.Member;

/** What casework needs of the case's evidence; implemented by the evidence feature. */
public interface EvidenceGate {

    /** Items about the respondent still in use whose lawful basis staff have not yet recorded. */
    List<Long> itemsLackingLawfulBasis(CaseFile c);

    /** A text item given with the complaint itself (the post), with the giver's attestation and consent. */
    record Excerpt(String text, List<String> threadContext, Boolean attestPartyToExchange, String noticeVersion,
            String purpose) {
    }

    /** Checks the attestation and consent of an item given with a complaint, before anything is stored. */
    void checkExcerpt(Excerpt excerpt);

    /** Stores the item given with the complaint on its case, as the complainant's; returns its id. */
    long giveWithComplaint(CaseFile c, Member complainant, Excerpt excerpt);
}
