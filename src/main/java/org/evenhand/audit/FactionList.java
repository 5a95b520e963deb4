package org.evenhand.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A published version of the faction list (decision 0043): the notice version a member consents to when
 * declaring under it; its factions are {@link FactionListEntry} rows. Never changed once published.
 */
@Entity
@Table(name = "faction_lists")
public class FactionList extends PanacheEntityBase {

    @Id
    public Integer version;
    @Column(name = "notice_version")
    public String noticeVersion;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
