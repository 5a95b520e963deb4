package org.evenhand.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A member's self-declared faction: special category data, held apart from case data and read
 * only by this package (ArchitectureTest). Withdrawal deletes it.
 */
@Entity
@Table(name = "faction_declarations")
public class FactionDeclaration extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public Long memberId;
    public String faction;
    @Column(name = "notice_version")
    public String noticeVersion;
    public String purpose;
    @Column(name = "declared_at")
    public Instant declaredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The version of the faction list it was made under (decision 0043); null if made before lists were versioned. */
    @Column(name = "list_version")
    public Integer listVersion;
}
