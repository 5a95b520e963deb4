package org.evenhand.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.evenhand.evidence.EvidenceInput;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.evidence.GivingEvidence;
import org.evenhand.identity.Member;

/**
 * Filing a complaint with its evidence in one transaction: if the evidence is refused (a file that
 * is not PNG, JPEG or PDF, say) no case is opened either.
 */
@ApplicationScoped
public class FilingWithEvidence {

    @Inject
    IntakeService intake;
    @Inject
    GivingEvidence giving;
    @Inject
    Validator validator;

    /** The complaint's own excerpt (if any) travels in the request; a link or file given with it is stored after. */
    @Transactional
    public String file(Member complainant, ComplaintRequest request, EvidenceInput ev) {
        Set<ConstraintViolation<ComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String ref = intake.file(complainant, request).ref();
        if (ev != null && (ev.link() != null || ev.file() != null)) {
            giving.give(complainant, ref, new EvidenceInput(null, ev.link(), ev.file(), ev.filename(), ev.thread(),
                    ev.attested(), ev.consentNotice()));
        }
        return ref;
    }

    /** The request the filing form makes: the excerpt goes with the complaint, since it also identifies the post. */
    public static ComplaintRequest request(String respondentNumber, java.time.LocalDate conductDate,
            java.util.List<String> clauses, String allegation, String link, EvidenceInput ev) {
        ComplaintRequest.Evidence excerpt = ev == null || ev.text() == null ? null
                : new ComplaintRequest.Evidence(ev.text(), ev.thread(), ev.attested(),
                        new ComplaintRequest.Consent(ev.consentNotice(), EvidenceService.PURPOSE));
        return new ComplaintRequest(respondentNumber, conductDate, clauses, allegation, link, excerpt);
    }
}
