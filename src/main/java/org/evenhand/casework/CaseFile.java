package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.evenhand.identity.Member;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A complaint and everything decided about it. The process instance drives its stages. A case is
 * RECEIVED (stored and acknowledged, its process not started yet) until the starter starts its
 * process; then OPEN until it is DISMISSED at triage or CLOSED. Further complainants about the same
 * conduct join it as {@link JoinedComplainant}s (pile-on merging).
 */
@Entity
@Table(name = "cases")
public class CaseFile extends PanacheEntityBase {

    public enum Status {
        RECEIVED, OPEN, DISMISSED, CLOSED, WITHDRAWN;

        /** Not concluded: received (process about to start) or open. */
        public boolean isLive() {
            return this == RECEIVED || this == OPEN;
        }
    }

    public enum Outcome {
        DISMISSED_AT_TRIAGE, UPHELD, NOT_UPHELD, WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @org.hibernate.annotations.NaturalId
    public String ref;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "complainant_id")
    public Member complainant;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "respondent_id")
    public Member respondent;
    public String allegation;
    @Column(name = "conduct_date")
    public LocalDate conductDate;
    @Column(name = "conduct_link")
    public String conductLink;
    @Column(name = "definition_version")
    public String definitionVersion;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cited_clauses")
    public List<String> citedClauses;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Outcome outcome;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "process_instance_id")
    public String processInstanceId;
    @Column(name = "triaged_by")
    public String triagedBy;
    @Column(name = "triaged_at")
    public Instant triagedAt;
    @Column(name = "in_scope")
    public Boolean inScope;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "engaged_clauses")
    public List<String> engagedClauses;
    @Column(name = "triage_reasons")
    public String triageReasons;
    /** complainant, respondent, third-party or unclear: who opened the exchange, read from its context at triage. */
    @Column(name = "exchange_opened_by")
    public String exchangeOpenedBy;
    /** The protected characteristic a complaint of hateful language concerns, as triage recorded it (V11). */
    @Column(name = "protected_characteristic")
    public String protectedCharacteristic;
    /** The first complainant's request to keep their name from the respondent (decision 0029, V16): null when none. */
    public String anonymity;
    @Column(name = "anonymity_ground")
    public String anonymityGround;
    @Column(name = "anonymity_reasons")
    public String anonymityReasons;
    @Column(name = "anonymity_decided_by")
    public String anonymityDecidedBy;
    @Column(name = "anonymity_decided_at")
    public Instant anonymityDecidedAt;
    @Column(name = "anonymity_decision_reasons")
    public String anonymityDecisionReasons;
    @Column(name = "response_statement")
    public String responseStatement;
    @Column(name = "responded_at")
    public Instant respondedAt;
    public String investigator;
    @Column(name = "investigation_report")
    public String investigationReport;
    @Column(name = "investigated_at")
    public Instant investigatedAt;
    @Column(name = "respondent_notified_at")
    public Instant respondentNotifiedAt;
    /** The first complainant withdrew (decision 0031); with no other complainant standing, the case ended. */
    @Column(name = "complainant_withdrawn_at")
    public Instant complainantWithdrawnAt;
    /** Why, if they said (sealed). */
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
    /** When the investigation report was disclosed to both parties, opening the comment window (V17). */
    @Column(name = "report_disclosed_at")
    public Instant reportDisclosedAt;
    @Column(name = "retention_due_at")
    public Instant retentionDueAt;
    /** destroy (dismissed, not upheld) or anonymise (upheld). */
    @Column(name = "retention_action")
    public String retentionAction;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "erased_reason")
    public String erasedReason;
    /** The process's current wait state (triage, awaitResponse, ...), written by the process as it moves. */
    public String stage;
    /** The deadline a party has in that stage (response or appeal window), if any. */
    @Column(name = "stage_due")
    public Instant stageDue;
    @Column(name = "start_attempts")
    public int startAttempts;
    @Column(name = "start_after")
    public Instant startAfter;
    @Column(name = "start_error")
    public String startError;
    @Version
    public long version;

    /**
     * By reference, as a natural id: a case already loaded in this transaction is returned without
     * a query (and without flushing the session first), which matters when one transaction starts a
     * batch of processes.
     */
    public static Optional<CaseFile> byRef(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return getEntityManager().unwrap(org.hibernate.Session.class).bySimpleNaturalId(CaseFile.class).loadOptional(ref);
    }

    /** By reference with both parties, in one query: for the read paths (the member's and staff views). */
    public static Optional<CaseFile> withParties(String ref) {
        return find("from CaseFile c left join fetch c.complainant left join fetch c.respondent where c.ref = ?1", ref)
                .firstResultOptional();
    }

    /** The respondent learns of a complaint only when triage puts the allegation to them. */
    public boolean isVisibleTo(Member m) {
        Party p = partyOf(m);
        return p == Party.COMPLAINANT || (p == Party.RESPONDENT && respondentNotifiedAt != null);
    }

    public Party partyOf(Member m) {
        if (m == null) {
            return null;
        }
        if (complainant != null && m.id.equals(complainant.id)) {
            return Party.COMPLAINANT;
        }
        if (respondent != null && m.id.equals(respondent.id)) {
            return Party.RESPONDENT;
        }
        return JoinedComplainant.of(id, m.id).isPresent() ? Party.COMPLAINANT : null;
    }

    /** Whether this member is the first complainant (the one whose complaint opened the case). */
    public boolean isLeadComplainant(Member m) {
        return m != null && complainant != null && m.id.equals(complainant.id);
    }

    /** Where the first complainant's request for anonymity stands (decision 0029). */
    public org.evenhand.casework.rules.Disclosure.Anonymity anonymityState() {
        return anonymity == null ? org.evenhand.casework.rules.Disclosure.Anonymity.NOT_ASKED
                : org.evenhand.casework.rules.Disclosure.Anonymity.valueOf(anonymity.toUpperCase(java.util.Locale.ROOT));
    }

    /** The first complainant, or the respondent. */
    public Member member(Party party) {
        return party == Party.COMPLAINANT ? complainant : respondent;
    }
}
