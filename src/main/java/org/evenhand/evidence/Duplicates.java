package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.evenhand.casework.CaseFile;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;

/**
 * The same item given twice by the same person on the same case is stored once. An item is known
 * by a keyed fingerprint of what was given (the bytes as uploaded, or the text or link), its kind,
 * the case and the giver: an HMAC under a key derived from the master key, so the stored value
 * cannot confirm a guessed content, and the same file on two cases gives two unrelated values.
 * The fingerprint is removed with the content when an item is withdrawn or destroyed. Two identical
 * submissions at once are serialised by a transaction-scoped advisory lock per giver and case
 * (the unique index on evidence_items is the backstop).
 */
@ApplicationScoped
class Duplicates {

    @Inject
    CaseVault vault;
    @Inject
    EntityManager em;

    String fingerprint(CaseFile c, Member giver, String kind, byte[] given) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(given));
            return vault.fingerprint("evidence-item", c.ref + ":" + giver.id + ":" + kind + ":" + digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The item in use that this member already gave on this case with this fingerprint; from here
     * to the end of the (caller's) transaction, no other submission by them on the case can run this check.
     */
    Optional<EvidenceItem> existing(CaseFile c, Member giver, String fingerprint) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "evenhand.evidence:" + c.id + ":" + giver.id).getSingleResult();
        return EvidenceItem.<EvidenceItem>find("caseId = ?1 and submittedBy = ?2 and contentFingerprint = ?3"
                + " and sealedAt is null", c.id, giver.id, fingerprint).firstResultOptional();
    }
}
