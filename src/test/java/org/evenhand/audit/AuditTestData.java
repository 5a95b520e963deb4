package org.evenhand.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
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
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Synthetic history for the audit tests, made by the project's own generator (seeds/generator.sql)
 * in the test database. Each data set gets a prefix and a region of its own, derived from a hash
 * of the generator and the spec, so reports filtered by that region see that data set only, and a
 * data set already present from an earlier run is reused (the generator is deterministic).
 */
public final class AuditTestData {

    private AuditTestData() {
    }

    /** Generates (once) and returns the region that holds exactly this data set. */
    public static String region(String name, String spec) {
        try {
            String generator = Files.readString(Path.of("seeds/generator.sql"), StandardCharsets.UTF_8);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((generator + "\n" + spec).getBytes(StandardCharsets.UTF_8))).substring(0, 8);
            String prefix = name.toUpperCase() + hash.toUpperCase();
            String region = "Test " + prefix;
            AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
            try (Connection c = ds.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM members WHERE membership_number = ?")) {
                    s.setString(1, prefix + "-1");
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            return region;
                        }
                    }
                }
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute(generator);
                    try (PreparedStatement s = c.prepareStatement("SELECT pg_temp.evenhand_generate(?::jsonb"
                            + " || jsonb_build_object('prefix', ?, 'regions', jsonb_build_array(?)))")) {
                        s.setString(1, spec);
                        s.setString(2, prefix);
                        s.setString(3, region);
                        s.execute();
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            }
            return region;
        } catch (IOException | SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not generate " + name + ": " + e.getMessage(), e);
        }
    }
}
