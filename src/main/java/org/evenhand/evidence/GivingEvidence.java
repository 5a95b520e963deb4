package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.evenhand.identity.Member;

/**
 * A party giving evidence from a form: an excerpt, a link and a file at once, all stored or none
 * (intake.FilingWithEvidence uses the same step inside the filing's transaction).
 */
@ApplicationScoped
public class GivingEvidence {

    @Inject
    EvidenceService evidence;
    @Inject
    Validator validator;

    @Transactional
    public void give(Member member, String ref, EvidenceInput ev) {
        EvidenceRecords.Consent consent = new EvidenceRecords.Consent(ev.consentNotice(), EvidenceService.PURPOSE);
        if (ev.text() != null) {
            submit(member, ref, new EvidenceRecords.Submission(EvidenceRecords.Kind.text, ev.text(), null, ev.thread(),
                    ev.attested(), consent));
        }
        if (ev.link() != null) {
            submit(member, ref, new EvidenceRecords.Submission(EvidenceRecords.Kind.link, null, ev.link(), ev.thread(),
                    ev.attested(), consent));
        }
        if (ev.file() != null) {
            evidence.submitFile(member, ref, ev.file(), ev.filename(), ev.thread(), ev.attested(), consent);
        }
    }

    private void submit(Member member, String ref, EvidenceRecords.Submission s) {
        Set<ConstraintViolation<EvidenceRecords.Submission>> violations = validator.validate(s);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        evidence.submit(member, ref, s);
    }
}
