package org.evenhand.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A published version of one kind of letter in one language (decision 0043): its subject and body, Qute
 * text with only the placeholders the bundled template uses. Version 1 is the bundled text and is never
 * stored; the latest stored version is the one letters are written from. Never changed once published.
 */
@Entity
@Table(name = "letter_versions")
public class LetterVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    public String locale;
    public int version;
    public String subject;
    public String body;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;

    /** The version letters of this kind in this language are written from now, if the manager published one. */
    public static Optional<LetterVersion> current(String kind, String locale) {
        return find("kind = ?1 and locale = ?2 order by version desc", kind, locale).firstResultOptional();
    }

    /** Every published version of the kind in the language, newest first. */
    public static List<LetterVersion> history(String kind, String locale) {
        return list("kind = ?1 and locale = ?2 order by version desc", kind, locale);
    }
}
