package org.evenhand.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.casework.AnonymityGround;
import org.evenhand.common.FieldLimits;
import org.evenhand.evidence.EvidenceRecords;

/**
 * A member's complaint about another member's conduct, optionally with the post itself as an item
 * of evidence (its text, the thread before it, the attestation and consent an item of evidence
 * needs); a file may go with it (multipart), under the same attestation and consent. The link and
 * the post's text also identify the conduct, so that complaints about the same post join one case.
 * The words of each refusal are in ValidationMessages.properties; the filing form names its fields
 * after these properties ("evidence.text"). {@code anonymity}: optional, the complainant's request that the
 * respondent not be told who complained (decision 0029); without it they are told once the allegation is
 * put to them.
 */
public record ComplaintRequest(
        @NotBlank(message = "{complaint.respondent.required}")
        @Size(max = 40, message = "{complaint.respondent.size}") String respondentMembershipNumber,
        // "today" is the engine's, in London (common.CaseClock)
        @NotNull(message = "{complaint.conductDate.required}")
        @PastOrPresent(message = "{complaint.conductDate.future}") LocalDate conductDate,
        @NotEmpty(message = "{complaint.clauses.required}") @Size(max = 10, message = "{complaint.clauses.size}")
        List<@NotBlank(message = "{complaint.clause.unknown}")
                @Size(max = 60, message = "{complaint.clause.unknown}") String> clauses,
        @NotBlank(message = "{complaint.allegation.required}")
        @Size(min = 10, max = 20000, message = "{complaint.allegation.size}") String allegation,
        @Size(max = 2000, message = "{complaint.conductLink.size}")
        @Pattern(regexp = "https?://\\S+", message = "{complaint.conductLink.pattern}") String conductLink,
        @Valid EvidenceRecords.Evidence evidence,
        @Valid AnonymityRequest anonymity) {

    /** A complaint with no request for anonymity: the respondent will be told who made it. */
    public ComplaintRequest(String respondentMembershipNumber, LocalDate conductDate, List<String> clauses,
            String allegation, String conductLink, EvidenceRecords.Evidence evidence) {
        this(respondentMembershipNumber, conductDate, clauses, allegation, conductLink, evidence, null);
    }

    /** The same complaint with this evidence. */
    public ComplaintRequest withEvidence(EvidenceRecords.Evidence e) {
        return new ComplaintRequest(respondentMembershipNumber, conductDate, clauses, allegation, conductLink, e,
                anonymity);
    }

    /**
     * A request to keep the complainant's name from the member complained about (decision 0029): why,
     * from a short list, and in their own words. A caseworker grants or refuses it at triage. A
     * complaint that joins a case about the same conduct needs none: joined complainants are never
     * named to the respondent.
     */
    public record AnonymityRequest(
            @NotNull(message = "{complaint.anonymity.ground}") AnonymityGround ground,
            @NotBlank(message = "{complaint.anonymity.reasons.required}")
            @Size(max = FieldLimits.ANONYMITY_REASONS, message = "{complaint.anonymity.reasons.size}") String reasons) {
    }
}
