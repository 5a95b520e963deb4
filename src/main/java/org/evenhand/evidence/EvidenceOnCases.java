package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.evenhand.casework.CaseEvidence;
import org.evenhand.casework.Payloads;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Member;

/** Casework's view of the evidence on a case (casework.CaseEvidence), served by this feature. */
@ApplicationScoped
public class EvidenceOnCases implements CaseEvidence {

    @Inject
    EvidenceService evidence;

    @Override
    public List<Item> forMember(Member member, String ref) {
        return evidence.forMember(member, ref).stream().map(EvidenceOnCases::item).toList();
    }

    @Override
    public List<Item> forStaff(String username, boolean caseworker, boolean panel, String ref) {
        return evidence.forStaff(username, caseworker, panel, ref).stream().map(EvidenceOnCases::item).toList();
    }

    @Override
    public void recordLawfulBasis(String caseworker, String ref, Payloads.LawfulBasisGiven given) {
        EvidenceRecords.LawfulBasis basis = basis(given);
        onItem(ref, given, () -> evidence.recordLawfulBasis(caseworker, ref, given.evidenceId(),
                new EvidenceRecords.LawfulBasisRecord(basis, given.reason())));
    }

    @Override
    public void checkLawfulBasis(String caseworker, String ref, Payloads.LawfulBasisGiven given) {
        basis(given);
        onItem(ref, given, () -> evidence.checkLawfulBasis(caseworker, ref, given.evidenceId()));
    }

    private static EvidenceRecords.LawfulBasis basis(Payloads.LawfulBasisGiven given) {
        try {
            return EvidenceRecords.LawfulBasis.of(given.basis());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("lawfulBases", e.getMessage());
        }
    }

    /** An item the case does not have is a refusal of the triage's lawful bases, not a page not found. */
    private static void onItem(String ref, Payloads.LawfulBasisGiven given, Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            throw ProblemException.invalidField("lawfulBases", "case " + ref + " has no evidence item "
                    + given.evidenceId());
        }
    }

    private static Item item(EvidenceRecords.View v) {
        return new Item(v.id(), v.kind(), v.party(), v.yours(), v.filename(), v.mediaType(), v.sizeBytes(),
                v.consentWithdrawnAt(), v.lawfulBasis(), v.status(), v.createdAt(), v.redaction());
    }
}
