package org.evenhand.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's complaint about another member's conduct, optionally with the post itself as an item
 * of evidence (its text, the thread before it, the attestation and consent an item of evidence
 * needs). The link and the post's text also identify the conduct, so that complaints about the same
 * post join one case.
 */
public record ComplaintRequest(
        @NotBlank @Size(max = 40) String respondentMembershipNumber,
        @NotNull LocalDate conductDate,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 60) String> clauses,
        @NotBlank @Size(min = 10, max = 20000) String allegation,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String conductLink,
        @Valid Evidence evidence) {

    /** The post as evidence: given by the complainant, a party to the exchange, with their consent. */
    public record Evidence(@NotBlank @Size(max = 20000) String text,
            @Size(max = org.evenhand.common.FieldLimits.THREAD_MESSAGES) List<@NotNull @Size(max = 5000) String> threadContext,
            @NotNull Boolean attestPartyToExchange, @NotNull @Valid Consent consent) {
    }

    /** Consent to the evidence notice in force (GET /api/evidence/consent-notice). */
    public record Consent(@NotBlank @Size(max = 60) String noticeVersion, @NotBlank @Size(max = 60) String purpose) {
    }
}
