package org.evenhand.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The API's view of evidence: what a party submits, and what readers get back. */
public final class EvidenceRecords {

    private EvidenceRecords() {
    }

    public enum Kind {
        text, link
    }

    /** Who gave consent, to which notice, for what purpose; the giver and time come from the request. */
    public record Consent(@NotBlank @Size(max = 60) String noticeVersion, @NotBlank @Size(max = 60) String purpose) {
    }

    /** A text excerpt or a link (stored as text: the server never fetches it), with the thread before it. */
    public record Submission(@NotNull Kind kind, @Size(max = 20000) String text, @Size(max = 2000) String url,
            @Size(max = org.evenhand.common.FieldLimits.THREAD_MESSAGES) List<@NotNull @Size(max = 5000) String> threadContext,
            @NotNull Boolean attestPartyToExchange, @NotNull @Valid Consent consent) {
    }

    public record View(Long id, String kind, String party, boolean yours, String filename, String mediaType,
            Long sizeBytes, Instant consentGivenAt, String consentNoticeVersion, Instant consentWithdrawnAt,
            String lawfulBasis, String status, Instant createdAt) {

        /** An item as this viewer may see it (viewer null: staff). */
        static View of(EvidenceItem i, org.evenhand.identity.Member viewer) {
            String status = i.inUse() ? "in-use" : i.consentWithdrawnAt != null ? "withdrawn" : "destroyed";
            return new View(i.id, i.kind, i.party, viewer != null && viewer.id.equals(i.submittedBy), i.filename,
                    i.mediaType, i.sizeBytes, i.consentGivenAt, i.consentNoticeVersion, i.consentWithdrawnAt,
                    i.lawfulBasis, status, i.createdAt);
        }
    }

    /** An item as stored, and whether this request stored it (false: the same item was given before). */
    public record Stored(View view, boolean created) {
    }

    public record Content(Long id, String kind, String text, String url, List<String> threadContext) {
    }

    public record FileContent(String filename, String mediaType, byte[] bytes) {
    }

    public enum LawfulBasis {
        @com.fasterxml.jackson.annotation.JsonProperty("consent") consent("consent"),
        @com.fasterxml.jackson.annotation.JsonProperty("art-9-2-d") art_9_2_d("art-9-2-d"),
        @com.fasterxml.jackson.annotation.JsonProperty("art-9-2-e") art_9_2_e("art-9-2-e"),
        @com.fasterxml.jackson.annotation.JsonProperty("legal-claims") legal_claims("legal-claims");

        public final String code;

        LawfulBasis(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static LawfulBasis of(String code) {
            for (LawfulBasis b : values()) {
                if (b.code.equals(code)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("lawful basis must be one of consent, art-9-2-d, art-9-2-e, legal-claims");
        }
    }

    public record LawfulBasisRecord(@NotNull LawfulBasis basis, @NotBlank @Size(max = 5000) String reason) {
    }

    public record ConsentNotice(String version, String purpose, String text) {
    }

    /** A text resource on the class path, without its final line break. */
    static String resourceText(String path) {
        try (java.io.InputStream in = EvidenceRecords.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
