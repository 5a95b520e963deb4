package org.evenhand.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a child process on
 * its own port and database, with tokens from an in-process WireMock OIDC server: what the crash
 * and outage tests kill, restart and starve of its database.
 */
public final class ChildApp implements AutoCloseable {

    private static TestOidcServer oidc;
    private static Map<String, String> oidcConfig;

    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    public final int port;
    private Process process;

    public ChildApp(int port, String dbUrl, Path log, Map<String, String> properties) {
        this.port = port;
        this.log = log;
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run the crash tests with mvn -Pcrash verify (after package)");
        }
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:+UseSerialGC"));
        Map<String, String> props = new HashMap<>(oidc());
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.http.host", "127.0.0.1");
        // the metrics port (decision 0032): a free one, so two child apps on one machine do not collide
        props.put("quarkus.management.port", "0");
        props.put("evenhand.intake.rate-limit.enabled", "false");
        props.putAll(properties);
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        env = new HashMap<>();
        env.put("EVENHAND_DB_URL", dbUrl);
        env.put("EVENHAND_SEEDS", root.resolve("seeds/demo").toString());
        env.put("EVENHAND_MAIL_LOG_ONLY", "true");
        env.put("EVENHAND_TRAIL_ANCHORS", log.getParent().resolve("anchors").toString());
        env.put("EVENHAND_MASTER_KEY", MASTER_KEY);
    }

    /** One random master key for every child app of this JVM, so a restarted app reads what the killed one wrote. */
    private static final String MASTER_KEY;

    static {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        MASTER_KEY = java.util.Base64.getEncoder().encodeToString(key);
    }

    /** Starts the WireMock OIDC server once (keys and discovery); tokens are minted in this JVM. */
    static synchronized Map<String, String> oidc() {
        if (oidc == null) {
            oidc = new TestOidcServer();
            Map<String, String> cfg = oidc.start();
            oidcConfig = new HashMap<>();
            for (String k : List.of("quarkus.oidc.auth-server-url", "quarkus.oidc.client-id",
                    "quarkus.oidc.credentials.secret")) {
                oidcConfig.put(k, cfg.get(k));
            }
            System.setProperty("smallrye.jwt.sign.key.location", cfg.getOrDefault("smallrye.jwt.sign.key.location",
                    "privateKey.jwk"));
            Runtime.getRuntime().addShutdownHook(new Thread(oidc::stop));
        }
        return oidcConfig;
    }

    /** A setting of the crash tests from the environment, or its default (a database name or a port). */
    public static String setting(String env, String fallback) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        if (!v.matches("[a-z_][a-z0-9_]*|[0-9]{2,5}")) {
            throw new IllegalArgumentException(env + " must be a database name or a port, not '" + v + "'");
        }
        return v;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ChildApp start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits until readiness answers UP. */
    public ChildApp awaitReady(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public static final List<String[]> FILERS = List.of(new String[] { "alice", "M100006" },
            new String[] { "bob", "M100004" }, new String[] { "carol", "M100005" }, new String[] { "dan", "M100002" },
            new String[] { "erin", "M100001" }, new String[] { "frank", "M100003" });

    /** Files a complaint as the n-th demo member; times out quickly so a dead server shows at once. */
    public Response file(int n) {
        return fileAt(url(), n);
    }

    /** Files a complaint as the n-th demo member at this address (an app or a load balancer in front of several). */
    public static Response fileAt(String baseUrl, int n) {
        String[] who = FILERS.get(Math.floorMod(n, FILERS.size()));
        return given().baseUri(baseUrl).auth().oauth2(AccessRules.token(who[0], "member")).contentType(ContentType.JSON)
                .config(io.restassured.config.RestAssuredConfig.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.connection.timeout", 3000).setParam("http.socket.timeout", 15000)))
                .body(Map.of("respondentMembershipNumber", who[1], "conductDate", "2026-05-05", "clauses",
                        List.of("harassment"), "allegation", "Filed under load " + n + ": replies to every post I made."))
                .post("/api/complaints");
    }

    public static String complainantOf(int n) {
        return FILERS.get(Math.floorMod(n, FILERS.size()))[0];
    }

    /** Drops and creates a database on a server where user postgres may (our own database only). */
    public static void recreateDatabase(String serverUrl, String name, String user, String password)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "/postgres", user, password);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
    }

    /**
     * The invariants after any crash, once the starter has caught up: every case has one live
     * process instance (or a finished one), never two,
     * every complaint process instance has its case, every case has its first trail entry, and the
     * trail's hash chain is intact. Returns what is wrong, empty if nothing.
     */
    /** Waits (up to the timeout) until the app's starter has started every received case; how many were left. */
    public static long awaitStarted(Connection db, Duration timeout) throws SQLException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        long left;
        do {
            try (Statement st = db.createStatement();
                    var rs = st.executeQuery("SELECT count(*) FROM cases WHERE status = 'RECEIVED'")) {
                rs.next();
                left = rs.getLong(1);
            }
            if (left > 0) {
                Thread.sleep(100);
            }
        } while (left > 0 && System.nanoTime() < end);
        return left;
    }

    public static List<String> halfWritten(Connection db) throws SQLException {
        List<String> wrong = new ArrayList<>();
        Map<String, String> checks = Map.of(
                "cases without a live or finished process instance",
                "SELECT ref FROM cases c WHERE c.process_instance_id IS NULL OR (NOT EXISTS (SELECT 1 FROM"
                        + " act_ru_execution e WHERE e.proc_inst_id_ = c.process_instance_id) AND NOT EXISTS (SELECT 1"
                        + " FROM act_hi_procinst h WHERE h.id_ = c.process_instance_id AND h.end_time_ IS NOT NULL))",
                "complaint process instances without a case",
                "SELECT e.business_key_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
                        + " WHERE e.parent_id_ IS NULL AND d.key_ = 'complaint' AND NOT EXISTS (SELECT 1 FROM cases c"
                        + " WHERE c.ref = e.business_key_ AND c.process_instance_id = e.proc_inst_id_)",
                "cases without their 'received' trail entry",
                "SELECT ref FROM cases c WHERE NOT EXISTS (SELECT 1 FROM trail_log t WHERE t.case_ref = c.ref"
                        + " AND t.action = 'received')",
                "cases whose process was started twice",
                "SELECT e.business_key_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
                        + " WHERE e.parent_id_ IS NULL AND d.key_ = 'complaint' GROUP BY e.business_key_ HAVING count(*) > 1",
                "cases without their acknowledgement letter",
                "SELECT ref FROM cases c WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.case_id = c.id)");
        for (var check : checks.entrySet()) {
            try (Statement st = db.createStatement(); var rs = st.executeQuery(check.getValue())) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                if (!found.isEmpty()) {
                    wrong.add(check.getKey() + ": " + found);
                }
            }
        }
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        var result = org.evenhand.trail.TrailChain.verify(db, org.evenhand.trail.TrailChain.anchorsInDatabase(db),
                new ArrayList<>());
        db.rollback();
        db.setAutoCommit(auto);
        if (!result.intact()) {
            wrong.add("trail broken: " + result.firstBrokenLink());
        }
        return wrong;
    }
}
