package org.evenhand.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.evenhand.evidence.EvidenceFile;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.GivingEvidence;
import org.evenhand.identity.Member;

/**
 * Filing a complaint, with its evidence, in one transaction: the use case behind POST /api/complaints
 * (JSON, or multipart with a file) and the filing page. The complaint is checked against its record
 * first (ValidationMessages.properties words every refusal), then against the membership and the
 * definition (IntakeService); a file goes with the complaint's evidence, under its attestation and
 * consent. If anything is refused (a file that is not PNG, JPEG or PDF, say) no case is opened.
 */
@ApplicationScoped
public class FilingWithEvidence {

    @Inject
    IntakeService intake;
    @Inject
    GivingEvidence giving;
    @Inject
    Validator validator;

    @Transactional
    public ComplaintReceipt file(Member complainant, ComplaintRequest request, EvidenceFile file) {
        ComplaintRequest in = valid(request, file != null);
        ComplaintReceipt receipt = intake.file(complainant, in);
        return file == null ? receipt : receipt.withFile(giving.giveFile(complainant, receipt.ref(), in.evidence(), file));
    }

    /**
     * Checks a complaint exactly as {@link #file} does, record and use case, storing nothing and starting
     * nothing: the check page a member reads before sending it (decision 0037). {@code withFile}: a file
     * goes with it (already checked and held), so its attestation and consent are needed.
     */
    @Transactional
    public void check(Member complainant, ComplaintRequest request, boolean withFile) {
        ComplaintRequest in = valid(request, withFile);
        intake.check(complainant, in);
        if (withFile) {
            giving.checkFileConsent(in.evidence());
        }
    }

    /** The complaint as checked against its record: with a file and no evidence, the file's attestation and consent are asked for. */
    private ComplaintRequest valid(ComplaintRequest request, boolean withFile) {
        ComplaintRequest in = withFile && request.evidence() == null
                ? request.withEvidence(EvidenceRecords.Evidence.none()) // asks for the file's attestation and consent
                : request;
        Set<ConstraintViolation<ComplaintRequest>> refused = validator.validate(in, GivingEvidence.groups(withFile));
        if (!refused.isEmpty()) {
            throw new ConstraintViolationException(refused);
        }
        return in;
    }
}
