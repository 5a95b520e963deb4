package org.evenhand.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.evenhand.common.CheckedTogether;
import org.evenhand.common.FieldLimits;

/** The typed bodies the API accepts for case actions and for completing each kind of task. */
public final class Payloads {

    private Payloads() {
    }

    /** Who started the exchange the complaint is about, as the thread context shows. */
    public enum ExchangeOpenedBy {
        complainant, respondent, @com.fasterxml.jackson.annotation.JsonProperty("third-party") third_party, unclear;

        public String code() {
            return this == third_party ? "third-party" : name();
        }
    }

    /** The protected characteristics of the Equality Act 2010 (s. 4), as triage records them. */
    public enum ProtectedCharacteristic {
        @com.fasterxml.jackson.annotation.JsonProperty("age") AGE,
        @com.fasterxml.jackson.annotation.JsonProperty("disability") DISABILITY,
        @com.fasterxml.jackson.annotation.JsonProperty("gender-reassignment") GENDER_REASSIGNMENT,
        @com.fasterxml.jackson.annotation.JsonProperty("marriage-civil-partnership") MARRIAGE_CIVIL_PARTNERSHIP,
        @com.fasterxml.jackson.annotation.JsonProperty("pregnancy-maternity") PREGNANCY_MATERNITY,
        @com.fasterxml.jackson.annotation.JsonProperty("race") RACE,
        @com.fasterxml.jackson.annotation.JsonProperty("religion-belief") RELIGION_BELIEF,
        @com.fasterxml.jackson.annotation.JsonProperty("sex") SEX,
        @com.fasterxml.jackson.annotation.JsonProperty("sexual-orientation") SEXUAL_ORIENTATION;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Completes {@link TaskKind#TRIAGE}. protectedCharacteristic: which one a complaint of hateful language concerns
     * (optional; only for a complaint in scope), for the fairness audit's handling-time comparison. lawfulBases:
     * for the complainant's items of evidence that still need one; an entry left blank gives none, and a complaint
     * is accepted only with one for each. anonymity: the caseworker's decision on the complainant's request to keep
     * their name from the respondent, needed (and only allowed) when one is pending and the complaint is accepted
     * (decision 0029; Triaging checks it against the case).
     */
    @CheckedTogether
    public record Triage(@NotNull(message = "{casework.triage.inScope}") Boolean inScope,
            @Size(max = 20, message = "{casework.clauses.max}")
            List<@NotBlank(message = "{casework.clauses.blank}") String> clauses,
            @NotBlank(message = "{casework.triage.reasons}")
            @Size(max = 20000, message = "{casework.reasons.max}") String reasons,
            ExchangeOpenedBy exchangeOpenedBy, ProtectedCharacteristic protectedCharacteristic,
            @Size(max = 200) List<@Valid @NotNull LawfulBasisGiven> lawfulBases,
            @Valid AnonymityDecision anonymity) implements CheckedTogether.Rules {

        public Triage(Boolean inScope, List<String> clauses, String reasons, ExchangeOpenedBy exchangeOpenedBy,
                ProtectedCharacteristic protectedCharacteristic) {
            this(inScope, clauses, reasons, exchangeOpenedBy, protectedCharacteristic, null, null);
        }

        public Triage(Boolean inScope, List<String> clauses, String reasons, ExchangeOpenedBy exchangeOpenedBy,
                ProtectedCharacteristic protectedCharacteristic, List<LawfulBasisGiven> lawfulBases) {
            this(inScope, clauses, reasons, exchangeOpenedBy, protectedCharacteristic, lawfulBases, null);
        }

        /**
         * In scope: at least one clause, and a lawful basis with its reason for each item listed. Out of scope: no
         * clause and no characteristic; an item's basis, if given, still with its reason.
         */
        @Override
        public void check(CheckedTogether.Refusals refuse) {
            boolean anyClause = clauses != null && !clauses.isEmpty();
            if (Boolean.TRUE.equals(inScope) && !anyClause) {
                refuse.at("clauses", "{casework.triage.clauses.inScope}");
            }
            if (Boolean.FALSE.equals(inScope) && anyClause) {
                refuse.at("clauses", "{casework.triage.clauses.outOfScope}");
            }
            if (Boolean.FALSE.equals(inScope) && protectedCharacteristic != null) {
                refuse.at("protectedCharacteristic", "{casework.triage.characteristic.outOfScope}");
            }
            for (int i = 0; lawfulBases != null && i < lawfulBases.size(); i++) {
                LawfulBasisGiven b = lawfulBases.get(i);
                if (b == null || !b.given() && !Boolean.TRUE.equals(inScope)) {
                    continue;
                }
                if (blank(b.basis())) {
                    refuse.at("lawfulBases", i, "basis", "{casework.lawfulBasis.basis}", b.evidenceId());
                }
                if (blank(b.reason())) {
                    refuse.at("lawfulBases", i, "reason", "{casework.lawfulBasis.reason}", b.evidenceId());
                }
            }
        }
    }

    /**
     * The lawful basis a caseworker records for an item of evidence at triage (basis: consent, art-9-2-d,
     * art-9-2-e or legal-claims, with the reason it applies); recorded with the triage in one transaction, or
     * not at all. Both are needed once either is given, and for every item when the complaint is in scope
     * ({@link Triage#check}).
     */
    public record LawfulBasisGiven(@NotNull(message = "{casework.lawfulBasis.item}") Long evidenceId,
            @Size(max = 40) String basis,
            @Size(max = 5000, message = "{casework.lawfulBasis.reason.max}") String reason) {

        /** Whether anything was given: an entry left blank records nothing. */
        public boolean given() {
            return !blank(basis) || !blank(reason);
        }
    }

    /** Whether the respondent is told who complained: granted keeps the name from them, for good (decision 0029). */
    public record AnonymityDecision(@NotNull(message = "{casework.anonymity.grant}") Boolean grant,
            @NotBlank(message = "{casework.anonymity.reasons}")
            @Size(max = FieldLimits.ANONYMITY_REASONS, message = "{casework.anonymity.reasons.max}") String reasons) {
    }

    /** Completes {@link TaskKind#INVESTIGATE}. */
    public record Investigation(@NotBlank(message = "{casework.investigation.report}")
            @Size(max = 100000, message = "{casework.investigation.report.max}") String report) {
    }

    /**
     * Completes {@link TaskKind#PANEL_DECISION}: one panel member's findings (the ladder's rules: VoteRules) and
     * sanction. Findings left out are the ones the member recorded first ({@link Findings}); given with the sanction,
     * they must be those (decision 0030).
     */
    public record Vote(@Size(min = 1, max = 20, message = "{casework.vote.findings}") List<@Valid @NotNull Finding> findings,
            @NotBlank(message = "{casework.vote.sanction}") String sanction, Integer sanctionMonths,
            @Size(max = 20000, message = "{casework.vote.departureReason.max}") String departureReason,
            @NotBlank(message = "{casework.vote.reasons}")
            @Size(max = 50000, message = "{casework.reasons.max}") String reasons) {
    }

    /** A panel member's findings, recorded before they choose a sanction (step one of a panel decision, decision 0030). */
    public record Findings(@NotEmpty(message = "{casework.vote.findings}")
            @Size(max = 20) List<@Valid @NotNull Finding> findings) {
    }

    /**
     * Completes {@link TaskKind#HEAR_APPEAL}: allow (with the decision the panel substitutes: findings and sanction)
     * or dismiss. A dismissal substitutes nothing, so any findings, sanction, term or departure sent with one are not
     * part of it.
     */
    @CheckedTogether
    public record AppealVote(@NotNull(message = "{casework.appeal.allow}") Boolean allow,
            @Size(max = 20) List<@Valid @NotNull Finding> findings, String sanction, Integer sanctionMonths,
            @Size(max = 20000, message = "{casework.vote.departureReason.max}") String departureReason,
            @NotBlank(message = "{casework.vote.reasons}")
            @Size(max = 50000, message = "{casework.reasons.max}") String reasons) implements CheckedTogether.Rules {

        public AppealVote {
            if (!Boolean.TRUE.equals(allow)) {
                findings = null;
                sanction = null;
                sanctionMonths = null;
                departureReason = null;
            }
        }

        /** Allowing the appeal means recording the findings and the sanction the appeal panel substitutes. */
        @Override
        public void check(CheckedTogether.Refusals refuse) {
            if (Boolean.TRUE.equals(allow) && (findings == null || findings.isEmpty())) {
                refuse.at("findings", "{casework.vote.findings}");
            }
            if (Boolean.TRUE.equals(allow) && blank(sanction)) {
                refuse.at("sanction", "{casework.vote.sanction}");
            }
        }
    }

    /** Completes {@link TaskKind#REVIEW_SUSPENSION}. */
    public record SuspensionReview(@NotNull(message = "{casework.review.renew}") Boolean renew,
            @NotBlank(message = "{casework.review.reasons}")
            @Size(max = 20000, message = "{casework.reasons.max}") String reasons) {
    }

    /** Completes {@link TaskKind#RESOLVE_ESCALATION}. */
    public record Escalation(@NotBlank(message = "{casework.escalation.note}")
            @Size(max = 20000, message = "{casework.escalation.note.max}") String note) {
    }

    /** The respondent's answer to the allegation. */
    public record Response(@NotBlank(message = "{response.statement.required}")
            @Size(max = 50000, message = "{response.statement.size}") String statement) {
    }

    /** A complainant withdrawing their complaint, with a reason if they wish to give one. */
    public record Withdrawal(@Size(max = 5000, message = "{withdrawal.reason.size}") String reason) {
    }

    /** A party's one comment on the investigation report, while the comment window is open (decision 0030). */
    public record ReportCommentRequest(@NotBlank(message = "{report.comment.required}")
            @Size(max = org.evenhand.common.FieldLimits.REPORT_COMMENT, message = "{report.comment.size}") String comment) {
    }

    public enum AppealGround {
        PROCEDURAL_FAILURE, PERVERSE_FINDING, NEW_EVIDENCE
    }

    public record AppealRequest(@NotEmpty(message = "{appeal.grounds.required}")
            @Size(max = 3, message = "{appeal.grounds.size}") List<@NotNull(message = "{appeal.grounds.choose}") AppealGround> grounds,
            @NotBlank(message = "{appeal.statement.required}")
            @Size(max = 50000, message = "{appeal.statement.size}") String statement) {
    }

    /** An interim suspension imposed with its reasons, which the respondent reads and a caseworker reviews. */
    public record SuspensionRequest(@NotBlank(message = "{casework.suspension.reasons}")
            @Size(min = 20, max = 20000, message = "{casework.suspension.reasons.size}") String reasons) {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
