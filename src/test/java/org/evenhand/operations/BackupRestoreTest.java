package org.evenhand.operations;

import static org.evenhand.testing.Api.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evenhand.crypto.DetachedVault;
import org.evenhand.crypto.IntegrityException;
import org.evenhand.testing.Db;
import org.evenhand.trail.TrailAnchors;
import org.evenhand.trail.TrailChainer;
import org.evenhand.trail.TrailVerifierCommand;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore (decision 0032): scripts/backup.sh dumps the live database, scripts/restore.sh
 * restores it into a fresh database, whose trail then verifies against the anchors kept apart and
 * whose sealed complaint opens with the master key kept apart (and with no other key).
 */
@QuarkusTest
class BackupRestoreTest {

    @Inject
    TrailChainer chainer;
    @Inject
    TrailAnchors anchors;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @ConfigProperty(name = "evenhand.crypto.master-key")
    String masterKey;
    @ConfigProperty(name = "evenhand.trail.anchors.directory")
    String anchorDirectory;

    record Run(int exit, String out) {
    }

    Run run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(Map.of("EVENHAND_DB_URL", url, "EVENHAND_DB_USER", user, "EVENHAND_DB_PASSWORD",
                password, "EVENHAND_TRAIL_ANCHORS", Path.of(anchorDirectory).toAbsolutePath().toString()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        return new Run(p.exitValue(), out);
    }

    String server() {
        return url.substring(0, url.lastIndexOf('/'));
    }

    @Test
    void aRestoredCopyVerifiesItsTrailAndOpensItsSealedItemsWithTheKeyKeptApart() throws Exception {
        String allegation = "Backup: a stream of mocking posts about my stammer after every branch meeting I spoke at.";
        String ref = file("frank", "M100004", LocalDate.of(2026, 8, 9), List.of("bullying"), allegation);
        Db.awaitAllStarted();
        chainer.chainAll();
        anchors.export();
        String liveHead = (String) Db.value("SELECT hash FROM trail_entries ORDER BY id DESC LIMIT 1");

        String db = "evenhand_restore_ops_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        Path dump = Path.of("target/ops-backup", db + ".dump");
        try {
            Run backup = run("scripts/backup.sh", dump.toString());
            assertEquals(0, backup.exit(), backup.out());
            assertTrue(Files.size(dump) > 0, "the dump is written");
            assertTrue(backup.out().contains("the master key (EVENHAND_MASTER_KEY"), backup.out());
            assertTrue(backup.out().contains("the trail anchors: trail-anchors.jsonl in EVENHAND_TRAIL_ANCHORS ("
                    + Path.of(anchorDirectory).toAbsolutePath() + ")"), backup.out());

            Run restore = run("scripts/restore.sh", dump.toString(), db);
            assertEquals(0, restore.exit(), restore.out());
            Run again = run("scripts/restore.sh", dump.toString(), db);
            assertEquals(3, again.exit(), "a database holding data is not overwritten: " + again.out());
            assertTrue(again.out().contains("refused"), again.out());

            String restored = server() + "/" + db;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int verified = TrailVerifierCommand.run(new String[] { "--url", restored, "--anchors", anchorDirectory },
                    Map.of("EVENHAND_DB_USER", user, "EVENHAND_DB_PASSWORD", password),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            String report = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, verified, report);
            assertTrue(report.contains("INTACT"), report);
            Matcher checked = Pattern.compile("anchors checked: (\\d+)").matcher(report);
            assertTrue(checked.find() && Integer.parseInt(checked.group(1)) >= 2,
                    "the anchor in the table and the one in the file kept apart: " + report);

            try (Connection c = DriverManager.getConnection(restored, user, password)) {
                assertTrue(query(c, "SELECT count(*) FROM trail_entries WHERE hash = ?", liveHead).equals("1"),
                        "the restored trail reaches the head anchored before the backup");
                String sealed = query(c, "SELECT allegation FROM cases WHERE ref = ?", ref);
                assertTrue(sealed.startsWith("ev1:") && !sealed.contains("stammer"), "stored sealed: " + sealed);
                assertEquals(allegation, new DetachedVault(masterKey).open(c, ref, sealed));
                byte[] other = new byte[32];
                new SecureRandom().nextBytes(other);
                assertThrows(IntegrityException.class,
                        () -> new DetachedVault(Base64.getEncoder().encodeToString(other)).open(c, ref, sealed),
                        "without the master key kept apart the copy opens nothing");
            }
        } finally {
            drop(db);
            Files.deleteIfExists(dump);
        }
    }

    static String query(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    void drop(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(server() + "/postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }
}
