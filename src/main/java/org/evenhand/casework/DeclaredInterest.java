package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.casework.rules.Eligibility;

/**
 * A handler's declared interest: a member they are connected to (membership number), or a CLP or
 * other body they hold office in (its name), held from a date to a date (open while held).
 * Ending one sets its end date; the row stays, so the register shows what was declared.
 */
@Entity
@Table(name = "declared_interests")
public class DeclaredInterest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String handler;
    /** member, clp or body */
    public String kind;
    public String value;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "to_date")
    public LocalDate toDate;
    public String note;
    @Column(name = "declared_at")
    public Instant declaredAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    /** The complaints manager who recorded it for the handler; null when the handler declared it. */
    @Column(name = "recorded_by")
    public String recordedBy;

    public static List<DeclaredInterest> of(String handler) {
        return list("handler = ?1 order by id", handler);
    }

    /** Every interest these handlers declared, as the eligibility rule reads them (no flush: nothing here changes them). */
    public static List<Eligibility.Interest> forRule(List<String> handlers) {
        if (handlers.isEmpty()) {
            return List.of();
        }
        return DeclaredInterest.<DeclaredInterest>find("handler in ?1", handlers)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT).list()
                .stream().map(DeclaredInterest::rule).toList();
    }

    public Eligibility.Interest rule() {
        return new Eligibility.Interest(handler, Eligibility.InterestKind.valueOf(kind), value, fromDate, toDate);
    }
}
