package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.HashSet;
import java.util.Set;
import org.evenhand.evidence.EvidenceRecords.Evidence;
import org.evenhand.evidence.EvidenceRecords.Kind;
import org.evenhand.evidence.EvidenceRecords.Submission;
import org.evenhand.identity.Member;

/**
 * A party giving evidence at once: an excerpt, a link and a file, under one attestation and consent
 * and with the same earlier messages, all stored or none (intake.FilingWithEvidence gives a
 * complaint's file with {@link #giveFile} inside the filing's transaction).
 */
@ApplicationScoped
public class GivingEvidence {

    @Inject
    EvidenceService evidence;
    @Inject
    Validator validator;
    @Inject
    SubmissionRules rules;

    /**
     * Checks the evidence against its record (with the rules of evidence given alone when no link or
     * file goes with it) and the link as a submission's, refusing everything at once; then stores
     * each item.
     */
    @Transactional
    public void give(Member member, String ref, Evidence ev, String link, EvidenceFile file) {
        Submission linked = link == null ? null
                : new Submission(Kind.link, null, link, ev.thread(), ev.attestPartyToExchange(), ev.consent());
        Set<ConstraintViolation<?>> refused = new HashSet<>(validator.validate(ev, groups(link != null || file != null)));
        if (linked != null) {
            refused.addAll(validator.validateProperty(linked, "url"));
        }
        if (!refused.isEmpty()) {
            throw new ConstraintViolationException(refused);
        }
        if (ev.hasText()) {
            evidence.submit(member, ref, new Submission(Kind.text, ev.text(), null, ev.thread(),
                    ev.attestPartyToExchange(), ev.consent()));
        }
        if (linked != null) {
            evidence.submit(member, ref, linked);
        }
        if (file != null) {
            giveFile(member, ref, ev, file);
        }
    }

    /** A file under the attestation, consent and earlier messages of the evidence it goes with; its item id. */
    @Transactional
    public long giveFile(Member member, String ref, Evidence ev, EvidenceFile file) {
        return evidence.submitFile(member, ref, file.bytes(), file.name(), ev.thread(), ev.attestPartyToExchange(),
                ev.consent()).view().id();
    }

    /** Checks the attestation and consent a file would be given under, as {@link #giveFile} does, storing nothing. */
    public void checkFileConsent(Evidence ev) {
        rules.checkConsent(ev.attestPartyToExchange(), ev.consent());
    }

    /** The groups evidence is checked in: its own rules, and those of evidence given alone unless something goes with it. */
    public static Class<?>[] groups(boolean somethingBeside) {
        return somethingBeside ? new Class<?>[] { Default.class }
                : new Class<?>[] { Default.class, EvidenceRecords.Alone.class };
    }
}
