package org.evenhand.trail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * An action recorded but not chained yet (trail_inbox). Written through the persistence context so
 * that a transaction's actions go to the database in one JDBC batch when it commits; only
 * {@link TrailChainer} takes them out, into the chain.
 */
@Entity
@Table(name = "trail_inbox")
@Immutable
public class PendingAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trail_inbox_id_seq")
    @SequenceGenerator(name = "trail_inbox_id_seq", sequenceName = "trail_inbox_id_seq", allocationSize = 50)
    public Long id;
    public Instant at;
    public String actor;
    public String action;
    @Column(name = "case_ref")
    public String caseRef;
    public String detail;
}
