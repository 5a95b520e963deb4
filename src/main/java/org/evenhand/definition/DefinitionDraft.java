package org.evenhand.definition;

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

/** The NEC's draft of a new version of the definition (decision 0040); its content is a DraftContent as JSON. */
@Entity
@Table(name = "definition_drafts")
public class DefinitionDraft extends PanacheEntityBase {

    public static final String EDITING = "editing";
    public static final String PROPOSED = "proposed";
    public static final String PUBLISHED = "published";
    public static final String DISCARDED = "discarded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "based_on")
    public String basedOn;
    public String state;
    public long revision;
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The date the version is to take effect, once asked for approval. */
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "published_version")
    public String publishedVersion;
    /** Who published (approved) or discarded it, and when. */
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean open() {
        return EDITING.equals(state) || PROPOSED.equals(state);
    }
}
