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

    /** Completes {@link TaskKind#TRIAGE}. */
    public record Triage(@NotNull Boolean inScope, @Size(max = 20) List<@NotBlank String> clauses,
            @NotBlank @Size(max = 20000) String reasons, ExchangeOpenedBy exchangeOpenedBy) {
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
    public record Response(@NotBlank @Size(max = 50000) String statement) {
    }

    public enum AppealGround {
        PROCEDURAL_FAILURE, PERVERSE_FINDING, NEW_EVIDENCE
    }

    public record AppealRequest(@NotEmpty @Size(max = 3) List<@NotNull AppealGround> grounds,
            @NotBlank @Size(max = 50000) String statement) {
    }

    public record SuspensionRequest(@NotBlank @Size(min = 20, max = 20000) String reasons) {
    }
}
