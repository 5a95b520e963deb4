package org.evenhand.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Loads members and handlers from the seeds directory at start-up; rows already present are left
 * alone. A new handler is put in the first pool of the role the file gives them, with the training
 * dates it gives (decision 0038); after that the complaints manager keeps them.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setCommentMarker('#').get();

    @Inject
    SeedConfig config;
    @Inject
    EntityManager em;
    @Inject
    PlaceNames places;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (config.directory().isPresent()) {
            load(Path.of(config.directory().get()));
        }
    }

    @Transactional
    public void load(Path dir) throws IOException {
        int members = 0;
        int handlers = 0;
        Path memberFile = dir.resolve("members.csv");
        if (Files.exists(memberFile)) {
            try (Reader r = Files.newBufferedReader(memberFile, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSV.parse(r)) {
                    members += em.createNativeQuery("""
                            INSERT INTO members (membership_number, username, display_name, email, clp, region, joined_on)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS date)) ON CONFLICT DO NOTHING""")
                            .setParameter(1, rec.get("membership_number"))
                            .setParameter(2, emptyToNull(rec.get("username")))
                            .setParameter(3, rec.get("display_name"))
                            .setParameter(4, emptyToNull(rec.get("email")))
                            .setParameter(5, rec.get("clp"))
                            .setParameter(6, rec.get("region"))
                            .setParameter(7, rec.get("joined_on"))
                            .executeUpdate();
                }
            }
        }
        Path handlerFile = dir.resolve("handlers.csv");
        if (Files.exists(handlerFile)) {
            try (Reader r = Files.newBufferedReader(handlerFile, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSV.parse(r)) {
                    int added = em.createNativeQuery("""
                            INSERT INTO handlers (username, display_name, clp, active, trained_on, training_expires,
                                training_recorded_by)
                            VALUES (?1, ?2, ?3, TRUE, CAST(NULLIF(?4, '') AS date), CAST(NULLIF(?5, '') AS date), 'seed')
                            ON CONFLICT DO NOTHING""")
                            .setParameter(1, rec.get("username"))
                            .setParameter(2, rec.get("display_name"))
                            .setParameter(3, emptyToNull(rec.get("clp")))
                            .setParameter(4, column(rec, "trained_on"))
                            .setParameter(5, column(rec, "training_expires"))
                            .executeUpdate();
                    if (added == 0) {
                        continue; // on record already: the complaints manager keeps them from here on
                    }
                    handlers++;
                    // a new handler sits in the first pool of their role (decision 0038)
                    em.createNativeQuery("""
                            INSERT INTO handler_pools (username, pool_id)
                            SELECT ?1, min(id) FROM pools WHERE role = ?2 HAVING min(id) IS NOT NULL
                            ON CONFLICT DO NOTHING""")
                            .setParameter(1, rec.get("username"))
                            .setParameter(2, rec.get("role"))
                            .executeUpdate();
                }
            }
        }
        places.forget();
        LOG.infof("Seeds from %s: %d new members, %d new handlers", dir, members, handlers);
    }

    /** An optional column: empty when the file has no such column. */
    private static String column(CSVRecord rec, String name) {
        return rec.isMapped(name) ? rec.get(name) : "";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
