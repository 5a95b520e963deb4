package org.evenhand.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
    public record Consent(@NotBlank(message = "{evidence.consent.notice}") @Size(max = 60) String noticeVersion,
            @NotBlank(message = "{evidence.consent.purpose}") @Size(max = 60) String purpose) {
    }

    /**
     * The rules of evidence given alone: with no file or link beside it, it must hold the words of the
     * post. (With a file, the excerpt and the earlier messages are optional: the file is the item.)
     */
    public interface Alone {
    }

    /**
     * The post as evidence, given with a complaint (ComplaintRequest.evidence) or on a case from the
     * evidence form: its words, the messages before it, the giver's attestation and consent. A file or
     * a link given beside it shares the attestation, consent and earlier messages. Validate with
     * {@link Alone} too when nothing goes beside it.
     */
    public record Evidence(@Size(max = 20000, message = "{evidence.text.size}") String text,
            @Size(max = org.evenhand.common.FieldLimits.THREAD_MESSAGES, message = "{evidence.threadContext.size}")
            List<@NotNull(message = "{evidence.threadContext.message}")
                    @Size(max = 5000, message = "{evidence.threadContext.message}") String> threadContext,
            @NotNull(message = "{evidence.attest.required}")
            @AssertTrue(message = "{evidence.attest.required}") Boolean attestPartyToExchange,
            @NotNull(message = "{evidence.consent.required}") @Valid Consent consent) {

        /** Nothing given yet: a file given without evidence is checked as this, so it asks for attestation and consent. */
        public static Evidence none() {
            return new Evidence(null, List.of(), null, null);
        }

        public boolean hasText() {
            return text != null && !text.isBlank();
        }

        public List<String> thread() {
            return threadContext == null ? List.of() : threadContext;
        }

        /** Alone, something to give: the words of the post (earlier messages alone are refused below). */
        @AssertTrue(groups = Alone.class, message = "{evidence.nothing}")
        boolean isText() {
            return hasText() || !thread().isEmpty();
        }

        /** Earlier messages go with an excerpt, a link or a file, never alone. */
        @AssertTrue(groups = Alone.class, message = "{evidence.threadContext.alone}")
        boolean isThreadContext() {
            return thread().isEmpty() || hasText();
        }
    }

    /** A text excerpt or a link (stored as text: the server never fetches it), with the thread before it. */
    public record Submission(@NotNull(message = "{evidence.kind.required}") Kind kind,
            @Size(max = 20000, message = "{evidence.text.size}") String text,
            @Size(max = 2000, message = "{evidence.url.size}")
            @Pattern(regexp = "https?://\\S+", message = "{evidence.url.pattern}") String url,
            @Size(max = org.evenhand.common.FieldLimits.THREAD_MESSAGES, message = "{evidence.threadContext.size}")
            List<@NotNull(message = "{evidence.threadContext.message}")
                    @Size(max = 5000, message = "{evidence.threadContext.message}") String> threadContext,
            @NotNull(message = "{evidence.attest.required}")
            @AssertTrue(message = "{evidence.attest.required}") Boolean attestPartyToExchange,
            @NotNull(message = "{evidence.consent.required}") @Valid Consent consent) {
    }

    /**
     * An item of evidence. {@code redaction}, for files: "awaiting" (no decision yet: a panel cannot
     * open it), "redacted" (a panel reads the caseworker's redacted copy) or "not-needed".
     */
    public record View(Long id, String kind, String party, boolean yours, String filename, String mediaType,
            Long sizeBytes, Instant consentGivenAt, String consentNoticeVersion, Instant consentWithdrawnAt,
            String lawfulBasis, String status, Instant createdAt, String redaction) {

        /** An item as this viewer may see it (viewer null: staff). */
        static View of(EvidenceItem i, org.evenhand.identity.Member viewer) {
            return new View(i.id, i.kind, i.party, viewer != null && viewer.id.equals(i.submittedBy), i.filename,
                    i.mediaType, i.sizeBytes, i.consentGivenAt, i.consentNoticeVersion, i.consentWithdrawnAt,
                    i.lawfulBasis, status(i), i.createdAt, viewer == null ? redaction(i) : null);
        }

        /**
         * An item as a blind reader (a panel member) sees it: a file under a neutral name (the name it
         * was given may name someone), with the size and type of the copy they may open.
         */
        static View blind(EvidenceItem i) {
            boolean redacted = Redactions.REDACTED.equals(i.redaction);
            String type = redacted ? i.redactedMediaType : i.mediaType;
            return new View(i.id, i.kind, i.party, false, "file".equals(i.kind) ? blindName(i.id, type) : null, type,
                    redacted ? i.redactedSizeBytes : i.sizeBytes, i.consentGivenAt, i.consentNoticeVersion,
                    i.consentWithdrawnAt, i.lawfulBasis, status(i), i.createdAt, redaction(i));
        }

        private static String status(EvidenceItem i) {
            return i.inUse() ? "in-use" : i.consentWithdrawnAt != null ? "withdrawn" : "destroyed";
        }

        private static String redaction(EvidenceItem i) {
            return !"file".equals(i.kind) ? null : i.redaction == null ? "awaiting" : i.redaction;
        }
    }

    /** "evidence-12.png": a file's name as a blind reader is given it. */
    static String blindName(long id, String mediaType) {
        String ext = "application/pdf".equals(mediaType) ? "pdf" : "image/jpeg".equals(mediaType) ? "jpg" : "png";
        return "evidence-" + id + "." + ext;
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
