package org.evenhand.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A caseworker, panel member or complaints manager who may be assigned cases or their escalations.
 * What work they do is the pools they sit in ({@link Pool}, decision 0038); whether they may be
 * drawn at all is their standing: active, trained, training in date (casework.rules.Standing).
 * Handlers are never deleted: a complaints manager deactivates them.
 */
@Entity
@Table(name = "handlers")
public class Handler extends PanacheEntityBase {

    public static final String CASEWORKER = "caseworker";
    public static final String PANEL = "panel";
    public static final String MANAGER = "manager";
    public static final List<String> ROLES = List.of(CASEWORKER, PANEL, MANAGER);

    @Id
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String clp;
    public boolean active;
    @Column(name = "trained_on")
    public LocalDate trainedOn;
    @Column(name = "training_expires")
    public LocalDate trainingExpires;
    /** Who recorded the training: a complaints manager's login, "seed" or "upgrade" (assumed at V25). */
    @Column(name = "training_recorded_by")
    public String trainingRecordedBy;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "added_by")
    public String addedBy;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
    @Column(name = "deactivated_by")
    public String deactivatedBy;
    @Column(name = "deactivation_reason")
    public String deactivationReason;

    /** Everyone sitting in a pool of this role, active or not (the rule of standing decides who is drawn). */
    public static List<Handler> inPoolsOf(String role) {
        // no flush first: nothing in a transaction changes handlers while it asks who they are
        return find("select distinct h from Handler h, PoolMember m, Pool p where m.username = h.username"
                + " and p.id = m.poolId and p.role = ?1 order by h.username", role)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT).list();
    }

    /** The roles of the pools this handler sits in, in the order of {@link #ROLES}. */
    public List<String> roles() {
        List<String> held = Pool.<Pool>find("select p from Pool p, PoolMember m where m.poolId = p.id and m.username = ?1",
                username).list().stream().map(p -> p.role).distinct().toList();
        return ROLES.stream().filter(held::contains).toList();
    }
}
