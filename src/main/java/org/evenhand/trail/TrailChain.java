package org.evenhand.trail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hash chain of the action trail and its verification, in plain Java and JDBC so that the
 * same code runs inside the application (the verification endpoint) and outside it
 * ({@link TrailVerifierCommand}, which needs nothing but the database and the anchor files).
 *
 * <p>Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields, each
 * length-prefixed. Entries are chained in id order (only the chainer inserts them, under an
 * advisory lock; writers append to the inbox, see {@link TrailChainer}),
 * so an edited row no longer matches its hash, and a deleted or moved row breaks the link of the
 * row after it. A consistent rewrite of the chain from some entry onwards, or a cut of its tail,
 * is caught by the anchors: head hashes exported earlier to places outside the database.
 */
public final class TrailChain {

    public static final String GENESIS = "0".repeat(64);
    static final int MAX_PROBLEMS = 20;

    private TrailChain() {
    }

    public record Entry(long id, Instant at, String actor, String action, String caseRef, String detail,
            String prevHash, String hash) {
    }

    /** A head hash exported at some time: the entry with this id had this hash. */
    public record Anchor(long entryId, String hash, long entries, Instant anchoredAt, String source) {
    }

    /** A broken link: the entry where the chain stops being what was written. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TrailBreak")
    public record Problem(long entryId, String kind, String explanation) {
    }

    public record Head(long id, String hash) {
    }

    /**
     * {@code pending}: actions appended to the inbox but not chained yet (normally chained within
     * milliseconds; the chain vouches for them only once they are), and the time of the oldest.
     */
    public record Result(boolean intact, long entries, Head head, int anchorsChecked, Anchor latestAnchor,
            Problem firstBrokenLink, List<Problem> problems, Instant verifiedAt, long pending, Instant oldestPending) {

        Result withPending(long count, Instant oldest) {
            return new Result(intact, entries, head, anchorsChecked, latestAnchor, firstBrokenLink, problems,
                    verifiedAt, count, oldest);
        }
    }

    public static String hash(String prev, Instant at, String actor, String action, String caseRef, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { prev, at.toString(), actor, action, caseRef == null ? "" : caseRef,
                    detail }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Walks the whole trail in id order on this connection (streamed, in the caller's transaction)
     * and checks every link and every anchor. Read the anchors before calling, so that every anchor
     * refers to an entry this walk can see.
     */
    public static Result verify(Connection db, List<Anchor> anchors, List<Problem> found) throws SQLException {
        Walk walk = new Walk(anchors);
        found.forEach(walk::add);
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT id, at, actor, action, case_ref, detail, prev_hash, hash FROM trail_entries ORDER BY id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    walk.next(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        Result result = walk.finish(hash -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT id FROM trail_entries WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*), min(at) FROM trail_inbox");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return result.withPending(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    /** The anchors kept in the database (the file copies are what an attacker cannot reach). */
    public static List<Anchor> anchorsInDatabase(Connection db) throws SQLException {
        List<Anchor> found = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT entry_id, entry_hash, entries, anchored_at FROM trail_anchors ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Anchor(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), "database"));
            }
        }
        return found;
    }

    static final String ANCHOR_FILE = "trail-anchors.jsonl";
    private static final Pattern LINE = Pattern.compile(
            "\\{\"entryId\":(\\d+),\"hash\":\"([0-9a-f]{64})\",\"entries\":(\\d+),\"anchoredAt\":\"([^\"]+)\"\\}");

    static String anchorLine(Anchor a) {
        return "{\"entryId\":" + a.entryId() + ",\"hash\":\"" + a.hash() + "\",\"entries\":" + a.entries()
                + ",\"anchoredAt\":\"" + a.anchoredAt() + "\"}";
    }

    /** Anchors exported to the file in this directory (one JSON object a line); none if there is no file. */
    public static List<Anchor> anchorsInDirectory(Path dir) throws IOException {
        Path file = dir.resolve(ANCHOR_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Anchor> found = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new IOException(file + " line " + n + " is not an anchor: " + line);
            }
            found.add(new Anchor(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                    Instant.parse(m.group(4)), file + ":" + n));
        }
        return found;
    }

    interface HashLookup {
        Optional<Long> idOf(String hash) throws SQLException;
    }

    /** The streaming check; memory stays constant whatever the length of the trail. */
    static final class Walk {
        private final List<Anchor> anchors;
        private int nextAnchor;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Entry> pendingLinks = new ArrayList<>();
        private final List<Entry> pendingPrevious = new ArrayList<>();
        private Entry previous;
        private long count;
        private int anchorsChecked;

        Walk(List<Anchor> anchors) {
            this.anchors = anchors.stream().sorted(Comparator.comparingLong(Anchor::entryId)).toList();
        }

        void next(Entry e) {
            count++;
            while (nextAnchor < anchors.size() && anchors.get(nextAnchor).entryId() < e.id()) {
                missingAnchor(anchors.get(nextAnchor++));
            }
            String expected = hash(e.prevHash(), e.at(), e.actor(), e.action(), e.caseRef(),
                    e.detail() == null ? "" : e.detail());
            if (!expected.equals(e.hash())) {
                add(new Problem(e.id(), "altered", "entry " + e.id() + " was altered after it was written: its"
                        + " content no longer matches its hash"));
            }
            String linkedTo = previous == null ? GENESIS : previous.hash();
            if (!linkedTo.equals(e.prevHash()) && problems.size() < MAX_PROBLEMS) {
                // diagnosed in finish(): deleted entry, or entries moved
                pendingLinks.add(e);
                pendingPrevious.add(previous);
                add(null);
            }
            while (nextAnchor < anchors.size() && anchors.get(nextAnchor).entryId() == e.id()) {
                Anchor a = anchors.get(nextAnchor++);
                anchorsChecked++;
                if (!a.hash().equals(e.hash())) {
                    add(new Problem(e.id(), "anchor-mismatch", "entry " + e.id() + " is not the entry anchored on "
                            + a.anchoredAt() + " (" + a.source() + "): the trail up to it was rewritten"));
                }
            }
            previous = e;
        }

        private void missingAnchor(Anchor a) {
            anchorsChecked++;
            add(new Problem(a.entryId(), "anchor-missing", "entry " + a.entryId() + ", anchored on " + a.anchoredAt()
                    + " (" + a.source() + "), is missing: the trail was truncated or entries were deleted"));
        }

        void add(Problem p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            }
        }

        Result finish(HashLookup lookup) throws SQLException {
            while (nextAnchor < anchors.size()) {
                missingAnchor(anchors.get(nextAnchor++));
            }
            // fill in the diagnoses of broken links (nulls, in order)
            int link = 0;
            List<Problem> list = new ArrayList<>();
            for (Problem p : problems) {
                if (p != null) {
                    list.add(p);
                    continue;
                }
                Entry e = pendingLinks.get(link);
                Entry before = pendingPrevious.get(link);
                link++;
                Optional<Long> chainedAfter = GENESIS.equals(e.prevHash()) ? Optional.empty()
                        : lookup.idOf(e.prevHash());
                String stored = before == null ? "at the start of the trail" : "after entry " + before.id();
                if (GENESIS.equals(e.prevHash())) {
                    list.add(new Problem(e.id(), "reordered", "entry " + e.id() + " is the first entry of the chain"
                            + " but is stored " + stored + ": entries were moved"));
                } else if (chainedAfter.isPresent()) {
                    list.add(new Problem(e.id(), "reordered", "entry " + e.id() + " was written after entry "
                            + chainedAfter.get() + " but is stored " + stored + ": entries were moved"));
                } else if (before == null) {
                    list.add(new Problem(e.id(), "deleted", "the trail does not start at its first entry: entries"
                            + " before entry " + e.id() + " were deleted"));
                } else {
                    list.add(new Problem(e.id(), "deleted", "the entry written between entry " + before.id()
                            + " and entry " + e.id() + " is missing: it was deleted"));
                }
            }
            list.sort(Comparator.comparingLong(Problem::entryId));
            Anchor latest = anchors.stream().max(Comparator.comparingLong(Anchor::entryId)).orElse(null);
            return new Result(list.isEmpty(), count, previous == null ? null : new Head(previous.id(), previous.hash()),
                    anchorsChecked, latest, list.isEmpty() ? null : list.get(0), List.copyOf(list), Instant.now(), 0, null);
        }
    }
}
