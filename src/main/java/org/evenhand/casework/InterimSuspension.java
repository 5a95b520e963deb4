package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A temporary measure pending the decision: never a sanction, always with reasons, always reviewed. */
@Entity
@Table(name = "interim_suspensions")
public class InterimSuspension extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "imposed_by")
    public String imposedBy;
    public String reasons;
    @Column(name = "imposed_at")
    public Instant imposedAt;
    public int renewals;
    /** When the current term ends: it lapses then unless renewed, and never later than the maximum. */
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "lifted_at")
    public Instant liftedAt;
    @Column(name = "lift_reason")
    public String liftReason;

    public static Optional<InterimSuspension> activeFor(Long caseId) {
        return find("caseId = ?1 and liftedAt is null", caseId).firstResultOptional();
    }
}
