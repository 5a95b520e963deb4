package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "appeals")
public class Appeal extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "lodged_by")
    public Long lodgedBy;
    public String party;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> grounds;
    public String statement;
    @Column(name = "lodged_at")
    public Instant lodgedAt;
}
