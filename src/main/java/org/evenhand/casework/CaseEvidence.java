package org.evenhand.casework;

import java.time.Instant;
import java.util.List;
import org.evenhand.identity.Member;

/**
 * The evidence on a case as casework's pages and triage need it. The evidence feature provides it:
 * evidence depends on casework (a case's parties, its access rules), so casework asks through this
 * interface instead of importing evidence.
 */
public interface CaseEvidence {

    /**
     * One item as the viewer may see it; {@code yours} only for a member's own items. {@code redaction}
     * for staff, files only: "awaiting", "redacted" or "not-needed" (decision 0028).
     */
    record Item(long id, String kind, String party, boolean yours, String filename, String mediaType, Long sizeBytes,
            Instant consentWithdrawnAt, String lawfulBasis, String status, Instant createdAt, String redaction) {

        public boolean inUse() {
            return "in-use".equals(status);
        }

        /** A file nobody has yet decided how a panel may see. */
        public boolean awaitingRedaction() {
            return "awaiting".equals(redaction) && inUse();
        }
    }

    List<Item> forMember(Member member, String ref);

    List<Item> forStaff(String username, boolean caseworker, boolean panel, String ref);

    /** Records the caseworker's lawful basis for an item, in the caller's transaction. */
    void recordLawfulBasis(String caseworker, String ref, Payloads.LawfulBasisGiven basis);

    /** Checks a lawful basis as {@link #recordLawfulBasis} would, recording nothing. */
    void checkLawfulBasis(String caseworker, String ref, Payloads.LawfulBasisGiven basis);
}
