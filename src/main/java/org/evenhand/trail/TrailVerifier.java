package org.evenhand.trail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Verifies the trail inside the application, in the caller's transaction if there is one. */
@ApplicationScoped
public class TrailVerifier {

    @Inject
    EntityManager em;
    @Inject
    TrailAnchors anchors;

    @Transactional
    public TrailChain.Result verify() {
        return em.unwrap(Session.class).doReturningWork(db -> {
            List<TrailChain.Anchor> known = new ArrayList<>(TrailChain.anchorsInDatabase(db));
            List<TrailChain.Problem> problems = new ArrayList<>();
            Optional<Path> dir = anchors.directory();
            if (dir.isPresent()) {
                try {
                    known.addAll(TrailChain.anchorsInDirectory(dir.get()));
                } catch (IOException | RuntimeException e) {
                    problems.add(new TrailChain.Problem(0, "anchors-unreadable",
                            "the anchor file cannot be read: " + e.getMessage()));
                }
            }
            return TrailChain.verify(db, known, problems);
        });
    }
}
