package org.evenhand.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A kept report: every quarterly one, and any the NEC asked to keep; quarterly ones may be published. */
@Entity
@Table(name = "audit_reports")
public class AuditReport extends PanacheEntityBase {

    public static final String QUARTERLY = "quarterly";
    public static final String ON_DEMAND = "on-demand";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @JdbcTypeCode(SqlTypes.JSON)
    public String parameters;
    @Column(name = "generated_at")
    public Instant generatedAt;
    @Column(name = "generated_by")
    public String generatedBy;
    @Column(name = "data_sha256")
    public String dataSha256;
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
    /** When the NEC approved it for publication (quarterly reports only), and who; null until then. */
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
