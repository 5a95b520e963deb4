package org.evenhand.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.identity.Member;
import org.evenhand.intake.ComplaintRequest;
import org.evenhand.intake.IntakeService;

/**
 * Filing a complaint from the page, with its evidence, in one transaction: if the evidence is
 * refused (a file that is not PNG, JPEG or PDF, say) no case is opened either.
 */
@ApplicationScoped
public class Filing {

    /** Evidence as a form gives it: an excerpt, a link and/or a file, with the earlier messages. */
    public record EvidenceInput(String text, String link, byte[] file, String filename, List<String> thread,
            boolean attested, String consentNotice) {
    }

    @Inject
    IntakeService intake;
    @Inject
    EvidenceService evidence;
    @Inject
    Validator validator;

    @Transactional
    public String file(Member complainant, String respondentNumber, LocalDate conductDate, List<String> clauses,
            String allegation, String link, EvidenceInput ev) {
        // The excerpt goes with the complaint itself: it is also what identifies the post, so that
        // complaints about the same post join one case (casework.PileOns).
        ComplaintRequest.Evidence excerpt = ev == null || ev.text() == null ? null
                : new ComplaintRequest.Evidence(ev.text(), ev.thread(), ev.attested(),
                        new ComplaintRequest.Consent(ev.consentNotice(), EvidenceService.PURPOSE));
        ComplaintRequest request = new ComplaintRequest(respondentNumber, conductDate, clauses, allegation, link, excerpt);
        Set<ConstraintViolation<ComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String ref = intake.file(complainant, request).ref();
        if (ev != null) {
            give(complainant, ref, new EvidenceInput(null, ev.link(), ev.file(), ev.filename(), ev.thread(),
                    ev.attested(), ev.consentNotice()));
        }
        return ref;
    }

    @Transactional
    public void addEvidence(Member member, String ref, EvidenceInput ev) {
        give(member, ref, ev);
    }

    private void give(Member member, String ref, EvidenceInput ev) {
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

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
