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
        ComplaintRequest in = file != null && request.evidence() == null
                ? request.withEvidence(EvidenceRecords.Evidence.none()) // asks for the file's attestation and consent
                : request;
        Set<ConstraintViolation<ComplaintRequest>> refused = validator.validate(in, GivingEvidence.groups(file != null));
        if (!refused.isEmpty()) {
            throw new ConstraintViolationException(refused);
        }
        ComplaintReceipt receipt = intake.file(complainant, in);
        return file == null ? receipt : receipt.withFile(giving.giveFile(complainant, receipt.ref(), in.evidence(), file));
    }
}
