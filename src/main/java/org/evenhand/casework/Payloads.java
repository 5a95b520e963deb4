package org.evenhand.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

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
     * (optional; only for a complaint in scope), for the fairness audit's handling-time comparison.
     */
    public record Triage(@NotNull Boolean inScope, @Size(max = 20) List<@NotBlank String> clauses,
            @NotBlank @Size(max = 20000) String reasons, ExchangeOpenedBy exchangeOpenedBy,
            ProtectedCharacteristic protectedCharacteristic,
            @Size(max = 200) List<@Valid @NotNull LawfulBasisGiven> lawfulBases) {

        public Triage(Boolean inScope, List<String> clauses, String reasons, ExchangeOpenedBy exchangeOpenedBy,
                ProtectedCharacteristic protectedCharacteristic) {
            this(inScope, clauses, reasons, exchangeOpenedBy, protectedCharacteristic, null);
        }
    }

    /**
     * The lawful basis a caseworker records for an item of evidence at triage (basis: consent, art-9-2-d,
     * art-9-2-e or legal-claims); recorded with the triage in one transaction, or not at all.
     */
    public record LawfulBasisGiven(@NotNull Long evidenceId, @NotBlank @Size(max = 40) String basis,
            @NotBlank @Size(max = 5000) String reason) {
    }

    /** Completes {@link TaskKind#INVESTIGATE}. */
    public record Investigation(@NotBlank @Size(max = 100000) String report) {
    }

    /** Completes {@link TaskKind#PANEL_DECISION}: one panel member's findings. */
    public record Vote(@NotEmpty @Size(max = 20) List<@Valid @NotNull Finding> findings, @NotBlank String sanction,
            Integer sanctionMonths, @Size(max = 20000) String departureReason,
            @NotBlank @Size(max = 50000) String reasons) {
    }

    /** Completes {@link TaskKind#HEAR_APPEAL}: allow (with the decision the panel substitutes) or dismiss. */
    public record AppealVote(@NotNull Boolean allow, @Size(max = 20) List<@Valid @NotNull Finding> findings,
            String sanction, Integer sanctionMonths, @Size(max = 20000) String departureReason,
            @NotBlank @Size(max = 50000) String reasons) {
    }

    /** Completes {@link TaskKind#REVIEW_SUSPENSION}. */
    public record SuspensionReview(@NotNull Boolean renew, @NotBlank @Size(max = 20000) String reasons) {
    }

    /** Completes {@link TaskKind#RESOLVE_ESCALATION}. */
    public record Escalation(@NotBlank @Size(max = 20000) String note) {
    }

    /** The respondent's answer to the allegation. */
    public record Response(@NotBlank(message = "{response.statement.required}")
            @Size(max = 50000, message = "{response.statement.size}") String statement) {
    }

    public enum AppealGround {
        PROCEDURAL_FAILURE, PERVERSE_FINDING, NEW_EVIDENCE
    }

    public record AppealRequest(@NotEmpty(message = "{appeal.grounds.required}")
            @Size(max = 3, message = "{appeal.grounds.size}") List<@NotNull(message = "{appeal.grounds.choose}") AppealGround> grounds,
            @NotBlank(message = "{appeal.statement.required}")
            @Size(max = 50000, message = "{appeal.statement.size}") String statement) {
    }

    public record SuspensionRequest(@NotBlank @Size(min = 20, max = 20000) String reasons) {
    }
}
