package org.evenhand.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One item of evidence, given by a party to the exchange with their consent. Content and thread
 * context are sealed under the case's key; withdrawal or retention removes them for good.
 * Never serialised: the API speaks in EvidenceView and EvidenceContent records.
 */
@Entity
@Table(name = "evidence_items")
public class EvidenceItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_items_id_seq")
    @jakarta.persistence.SequenceGenerator(name = "evidence_items_id_seq", sequenceName = "evidence_items_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "submitted_by")
    public Long submittedBy;
    public String party;
    public String kind;
    public byte[] content;
    @Column(name = "thread_context")
    public byte[] threadContext;
    public String filename;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Column(name = "attested_party")
    public boolean attestedParty;
    @Column(name = "consent_notice_version")
    public String consentNoticeVersion;
    @Column(name = "consent_purpose")
    public String consentPurpose;
    @Column(name = "consent_given_at")
    public Instant consentGivenAt;
    @Column(name = "consent_withdrawn_at")
    public Instant consentWithdrawnAt;
    @Column(name = "lawful_basis")
    public String lawfulBasis;
    @Column(name = "lawful_basis_reason")
    public String lawfulBasisReason;
    @Column(name = "lawful_basis_by")
    public String lawfulBasisBy;
    @Column(name = "lawful_basis_at")
    public Instant lawfulBasisAt;
    @Column(name = "sealed_at")
    public Instant sealedAt;
    @Column(name = "sealed_reason")
    public String sealedReason;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Keyed fingerprint of what was given (Duplicates); cleared with the content. */
    @Column(name = "content_fingerprint")
    public String contentFingerprint;
    /** A file's redaction decision for a blind reader (decision 0028): null (awaiting), redacted, not-needed. */
    public String redaction;
    /** The redacted copy, sealed like the content; cleared with it. */
    @Column(name = "redacted_content")
    public byte[] redactedContent;
    @Column(name = "redacted_media_type")
    public String redactedMediaType;
    @Column(name = "redacted_size_bytes")
    public Long redactedSizeBytes;
    @Column(name = "redaction_reason")
    public String redactionReason;
    @Column(name = "redaction_by")
    public String redactionBy;
    @Column(name = "redaction_at")
    public Instant redactionAt;

    public boolean inUse() {
        return sealedAt == null;
    }

    /** This item, if it is still in use; 409 once it was withdrawn or destroyed. */
    EvidenceItem requireInUse() {
        if (!inUse()) {
            throw org.evenhand.common.ProblemException.conflict("evidence item " + id + " is no longer in use");
        }
        return this;
    }

    /** Whether a blind reader may open this item: not a file, or a file whose redaction is decided. */
    public boolean readyForBlindReader() {
        return !"file".equals(kind) || redaction != null;
    }

    public static List<EvidenceItem> ofCase(Long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
