package org.evenhand.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.AccessRules.Fixtures;
import org.evenhand.testing.AccessRules.Rule;
import org.evenhand.testing.AccessRules.Scope;
import org.evenhand.testing.EvidenceFiles;
import org.evenhand.testing.Uploads;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed requests, generated for every operation of the OpenAPI document from its
 * parameters and body schema: broken JSON, wrong types, unknown and duplicated fields, huge strings,
 * control characters, unknown ids, injection strings, path traversal (also in upload filenames),
 * wrong content types, wrong methods and oversized bodies. Each is sent as a caller the access
 * policy lets in (so it reaches validation); every answer must be a 4xx problem+json, never a 5xx,
 * and the database must be exactly as before: the row count of every table and the trail's head.
 */
@QuarkusTest
class MalformedRequestCorpusTest {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE cases; --", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "{inject:config}", "${7*7}", "#{7*7}", "$(id)", "admin'--",
            "%' AND 1=(SELECT count(*) FROM members) --");
    static final List<String> TRAVERSALS = List.of("../../../etc/passwd", "..\\..\\..\\windows\\win.ini",
            "....//....//etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd", "..%00.png");
    // under the 4 KB request-line limit (a longer URL gets the HTTP codec's bare 414, see docs/security.md)
    static final String HUGE = "A".repeat(3000);

    record Probe(String what, String method, String path, String contentType, byte[] body, Map<String, String> query) {
    }

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    @Test
    void everyMalformedRequestIsA4xxProblemAndChangesNothing() throws Exception {
        Fixtures f = Fixtures.get();
        List<Endpoints.Operation> ops = Endpoints.fromOpenApi();
        List<String> failures = new ArrayList<>();
        Map<String, Object> before = snapshot();
        int sent = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Endpoints.Operation op : ops) {
            Rule rule = AccessRules.RULES.get(op.key());
            if (rule == null) {
                failures.add(op.key() + ": no access rule (see AuthorisationMatrixTest)");
                continue;
            }
            String role = rule.scope() == Scope.PUBLIC ? "member" : rule.roles().get(0);
            String user = f.user(role, rule.scope(), true);
            for (Probe p : probes(op, rule, f, role)) {
                sent++;
                if (p.query().containsValue("%zz")) {
                    // no HTTP client will send a malformed escape: a raw request
                    String problem = raw(p, user, role, statuses);
                    if (problem != null) {
                        failures.add(p.method() + " " + p.path() + " [" + p.what() + "]: " + problem);
                    }
                    continue;
                }
                Response r = send(p, user, role);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                String problem = check(r);
                if (problem != null) {
                    failures.add(String.format("%s %s [%s]: %s", p.method(), abbreviate(p.path()), p.what(), problem));
                }
            }
        }
        Map<String, Object> after = snapshot();
        System.out.println("malformed-request corpus: " + sent + " requests over " + ops.size()
                + " operations; statuses " + statuses);
        assertTrue(sent >= 200, "the corpus must hold at least 200 requests, has " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " malformed requests were not a clean 4xx problem:\n"
                + failures.stream().collect(Collectors.joining("\n")));
        assertEquals(before, after, "the corpus changed the database");
    }

    /**
     * Broken, repeated, active and polyglot uploads, to the API and to the page form (UploadCorpus):
     * each a 4xx (problem+json on /api, a page on the form) that says why, never a 500, and not one
     * evidence row stored by any of them. A JPEG's EXIF (GPS) is gone from the copy the party reads
     * back, and the same file given twice is one row, the second answer being the first item.
     */
    @Test
    void brokenRepeatedActiveAndPolyglotUploadsAreRefusedAndStoreNothing() {
        String ref = org.evenhand.testing.Api.file("alice", "M100002", java.time.LocalDate.of(2026, 9, 3),
                List.of("bullying"), "Weekly posts in the branch chat mocking how I speak, after I asked them to stop.");
        String form = "/me/cases/" + ref + "/evidence/new";
        String csrf = org.evenhand.testing.Pages.as("alice", () -> org.evenhand.testing.Pages.tokenFrom(form));
        List<UploadCorpus.Upload> probes = UploadCorpus.probes(ref, csrf);
        String token = AccessRules.token("alice", "member");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long storedByRefused = 0;
        for (UploadCorpus.Upload u : probes) {
            long before = UploadCorpus.evidenceRows();
            Uploads.Answer a = u.page() ? org.evenhand.testing.Pages.as("alice", () -> Uploads.post(u.path(), null,
                    "text/html", u.body())) : Uploads.post(u.path(), token, "application/json", u.body());
            storedByRefused += UploadCorpus.evidenceRows() - before;
            statuses.merge(a.status(), 1, Integer::sum);
            String problem = UploadCorpus.check(u, a);
            if (problem != null) {
                failures.add(u.what() + ": " + problem);
            }
        }
        // a client that dies mid-file: no answer at all, or a 400; never a 500 (nor an incident logged), nothing stored
        UploadCorpus.Incidents incidents = UploadCorpus.Incidents.watch();
        long before = UploadCorpus.evidenceRows();
        int cut = Uploads.postCutOff("/api/me/cases/" + ref + "/evidence/files", token, Uploads.truncated(
                Uploads.closed(Uploads.file("file", "a.png", EvidenceFiles.png(32, 24)), Uploads.apiFields())), 5000);
        statuses.merge(cut, 1, Integer::sum);
        storedByRefused += UploadCorpus.evidenceRows() - before;
        if (cut != -1 && cut != 400) {
            failures.add("connection closed mid-upload: " + cut);
        }
        UploadCorpus.aPhotoLosesItsExifAndIsStoredOnce(ref, token);
        if (!incidents.stop().isEmpty()) {
            failures.add("unexpected failures logged during the uploads: " + incidents.stop());
        }
        System.out.println("upload corpus: " + (probes.size() + 1) + " refused uploads (-1: no answer); statuses " + statuses + "; 500s: "
                + statuses.getOrDefault(500, 0) + "; rows stored by refused requests: " + storedByRefused);
        assertTrue(failures.isEmpty(), failures.size() + " uploads were not refused as they should be:\n"
                + String.join("\n", failures));
        assertEquals(0, storedByRefused, "refused uploads stored rows");
    }

    List<Probe> probes(Endpoints.Operation op, Rule rule, Fixtures f, String role) throws Exception {
        List<Probe> out = new ArrayList<>();
        String path = op.path();
        for (String p : op.pathParams()) {
            path = path.replace("{" + p + "}", f.param(p, rule.scope(), role));
        }
        Object sample = rule.body().apply(f);
        byte[] valid = sample == null ? null : json.writeValueAsBytes(sample);
        String jsonType = valid == null ? null : "application/json";
        Map<String, String> query = rule.query();
        // 1. path parameters: unknown ids, injection strings, traversal, control characters, huge
        for (String p : op.pathParams()) {
            List<String> values = new ArrayList<>();
            values.add(p.equals("ref") ? "EVH-2099-999999" : "99999999-0000-0000-0000-000000000000");
            values.addAll(INJECTIONS);
            values.addAll(TRAVERSALS);
            values.addAll(List.of(HUGE, "\u0000", "x\r\nSet-Cookie: a=b", "\u202eEVH", "EVH-\uD83D\uDE00"));
            for (String v : values) {
                String bad = op.path();
                for (String q : op.pathParams()) {
                    bad = bad.replace("{" + q + "}", q.equals(p) ? encodePathSegment(v) : f.param(q, rule.scope(), role));
                }
                out.add(new Probe("path " + p + "=" + abbreviate(v), op.method(), bad, jsonType, valid, query));
            }
        }
        // 2. query parameters: control characters, overlong, and (unless free text) injection strings
        for (String q : op.queryParams()) {
            // (a malformed escape such as %zz is refused by the HTTP layer with a bare 400: docs/security.md)
            List<String> values = new ArrayList<>(List.of("\u0000", "a\u0007b", "x".repeat(2500), "\r\nX-Injected: 1"));
            if (!rule.freeText().contains(q)) {
                values.addAll(INJECTIONS);
                values.addAll(TRAVERSALS);
            }
            for (String v : values) {
                Map<String, String> qs = new LinkedHashMap<>(query);
                qs.put(q, v);
                out.add(new Probe("query " + q + "=" + abbreviate(v), op.method(), path, jsonType, valid, qs));
            }
        }
        // 3. a method the path does not have
        out.add(new Probe("wrong method", "PATCH", path, jsonType, valid, query));
        if (valid == null) {
            return out;
        }
        // 4. bodies: broken JSON, wrong shapes, nesting, numbers, encodings
        for (String broken : List.of("", "{", "{\"a\":", "[1,2", "nul", "{'a':'b'}", "{\"a\":1,}", "/* c */{}",
                "{\"a\" 1}", "\"just a string\"", "42", "true", "null", "[]", "[{}]", "{}garbage",
                "{\"a\":\"unterminated}", "{\"a\":1e999999}", "{\"a\":\"\\uZZZZ\"}",
                "[".repeat(3000) + "]".repeat(3000))) {
            out.add(new Probe("body " + abbreviate(broken), op.method(), path, "application/json",
                    broken.getBytes(StandardCharsets.UTF_8), query));
        }
        out.add(new Probe("body not UTF-8", op.method(), path, "application/json",
                new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }, query));
        // 5. the valid body with one thing wrong
        @SuppressWarnings("unchecked")
        Map<String, Object> base = (Map<String, Object>) sample;
        Map<String, Object> schema = op.jsonSchema();
        @SuppressWarnings("unchecked")
        Map<String, Object> props = schema == null ? Map.of()
                : (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (String field : base.keySet()) {
            Object v = base.get(field);
            List<Object> wrongs = v instanceof String ? List.of(12345678901L, true, Map.of(), List.of("x"))
                    : v instanceof List ? List.of("x", Map.of(), 7) : v instanceof Boolean ? List.of("yes", 1, List.of())
                    : List.of("x", List.of());
            for (Object w : wrongs) {
                out.add(body(op, path, query, "wrong type " + field + "=" + w, with(base, field, w)));
            }
            if (v instanceof String) {
                out.add(body(op, path, query, "huge " + field, with(base, field, "x".repeat(200_000))));
                out.add(body(op, path, query, "NUL in " + field, with(base, field, "ab\u0000cd efgh ijkl mnop")));
                out.add(body(op, path, query, "control char in " + field, with(base, field,
                        "ab\u001bcd efgh ijkl mnop")));
                if (!rule.freeText().contains(field)) {
                    for (String inj : INJECTIONS) {
                        out.add(body(op, path, query, "injection " + field + "=" + inj, with(base, field, inj)));
                    }
                }
            }
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String) {
                for (String inj : INJECTIONS.subList(0, 4)) {
                    out.add(body(op, path, query, "injection in " + field, with(base, field, List.of(inj))));
                }
            }
            out.add(body(op, path, query, "null " + field, with(base, field, null)));
        }
        for (String field : props.keySet()) {
            if (!base.containsKey(field)) {
                out.add(body(op, path, query, "wrong type optional " + field, with(base, field, Map.of("x", 1))));
            }
        }
        out.add(body(op, path, query, "unknown field", with(base, base.containsKey("faction") ? "unexpectedField" : "faction",
                "left")));
        out.add(body(op, path, query, "unknown field id", with(base, "id", 1)));
        String dup = new String(valid, StandardCharsets.UTF_8);
        String first = base.keySet().iterator().next();
        dup = "{" + json.writeValueAsString(first) + ":" + json.writeValueAsString(base.get(first)) + ","
                + dup.substring(1);
        out.add(new Probe("duplicate key " + first, op.method(), path, "application/json",
                dup.getBytes(StandardCharsets.UTF_8), query));
        // 6. content types, sizes, uploads with hostile filenames
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/octet-stream", "text/html", "image/png")) {
            out.add(new Probe("content type " + type, op.method(), path, type, valid, query));
        }
        out.add(new Probe("no content type", op.method(), path, null, valid, query));
        out.add(new Probe("oversized JSON (2 MB)", op.method(), path, "application/json",
                ("{\"x\":\"" + "a".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8), query));
        for (String name : TRAVERSALS.subList(0, 3)) {
            String boundary = "evenhand-corpus";
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + name + "\"\r\nContent-Type: image/png\r\n\r\nMZ\u0090\u0000this is a renamed executable\r\n--"
                    + boundary + "--\r\n";
            out.add(new Probe("upload filename " + name, op.method(), path, "multipart/form-data; boundary=" + boundary,
                    multipart.getBytes(StandardCharsets.ISO_8859_1), query));
        }
        return out;
    }

    private Probe body(Endpoints.Operation op, String path, Map<String, String> query, String what,
            Map<String, Object> body) {
        try {
            return new Probe(what, op.method(), path, "application/json", json.writeValueAsBytes(body), query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(field, value);
        return copy;
    }

    private static Response send(Probe p, String user, String role) {
        RequestSpecification req = given().redirects().follow(false).urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (user != null) {
            req = req.auth().oauth2(AccessRules.token(user, role));
        }
        StringBuilder url = new StringBuilder(p.path());
        String sep = "?";
        for (Map.Entry<String, String> q : p.query().entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(q.getValue().equals("%zz") ? "%zz"
                    : java.net.URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        if (p.body() != null) {
            if (p.contentType() != null) {
                req = req.contentType(p.contentType());
            }
            // RestAssured will not send raw bytes as a form; the same bytes as text then
            req = p.contentType() != null && p.contentType().contains("form-urlencoded")
                    ? req.body(new String(p.body(), StandardCharsets.UTF_8)) : req.body(p.body());
        }
        return req.request(p.method(), url.toString());
    }

    /** Sends the probe over a plain socket, exactly as written, and checks status and content type. */
    private static String raw(Probe p, String user, String role, Map<Integer, Integer> statuses) throws Exception {
        StringBuilder target = new StringBuilder(p.path());
        String sep = "?";
        for (Map.Entry<String, String> q : p.query().entrySet()) {
            target.append(sep).append(q.getKey()).append('=').append(q.getValue().equals("%zz") ? "%zz"
                    : java.net.URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            String req = p.method() + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (user == null ? "" : "Authorization: Bearer " + AccessRules.token(user, role) + "\r\n")
                    + "Connection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(answer.substring(9, 12));
            statuses.merge(status, 1, Integer::sum);
            boolean problem = answer.toLowerCase().contains("content-type: application/problem+json");
            return status >= 400 && status < 500 && problem ? null : "raw answer " + abbreviate(answer);
        }
    }

    private static String check(Response r) {
        int s = r.statusCode();
        if (s < 400 || s >= 500) {
            return "status " + s + " " + abbreviate(r.asString());
        }
        String type = String.valueOf(r.contentType());
        if (!type.startsWith("application/problem+json")) {
            return "status " + s + " with content type '" + type + "', not problem+json";
        }
        Integer status = r.jsonPath().get("status");
        return status != null && status == s ? null : "problem status " + status + " differs from " + s;
    }

    /** Percent-encodes a value as one path segment (so '/' and '..' stay inside the parameter). */
    static String encodePathSegment(String v) {
        if (v.startsWith("%2e")) {
            return v; // already encoded: sent as it is
        }
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Row counts of every table in the schema, and the trail's length, once the background work
     * earlier tests left has settled (processes of received cases started, the trail chained).
     */
    Map<String, Object> snapshot() throws SQLException {
        org.evenhand.testing.Db.awaitAllStarted();
        io.quarkus.arc.Arc.container().instance(org.evenhand.trail.TrailChainer.class).get().chainAll();
        Map<String, Object> counts = new TreeMap<>();
        try (Connection c = db.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                if (t.equals("act_ru_meter_log")) {
                    continue; // the engine's own metrics, written on a timer
                }
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT coalesce(max(id), 0) || ':' || coalesce((SELECT hash FROM trail_entries ORDER BY id DESC LIMIT 1), '')"
                            + " || ':' || (SELECT count(*) FROM trail_inbox) FROM trail_entries")) {
                rs.next();
                counts.put("trail head", rs.getString(1));
            }
        }
        return counts;
    }

    static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…(" + s.length() + ")" : clean;
    }
}
