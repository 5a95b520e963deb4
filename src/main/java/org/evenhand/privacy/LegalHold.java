package org.evenhand.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "legal_holds")
public class LegalHold extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "placed_by")
    public String placedBy;
    public String reason;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "released_by")
    public String releasedBy;
    @Column(name = "release_reason")
    public String releaseReason;
    @Column(name = "released_at")
    public Instant releasedAt;

    public static Optional<LegalHold> activeFor(Long caseId) {
        return find("caseId = ?1 and releasedAt is null", caseId).firstResultOptional();
    }
}
