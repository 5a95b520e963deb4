package org.evenhand.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.evenhand.testing.EvidenceFiles;
import org.evenhand.testing.Uploads;

/** The uploads of the malformed-request corpus: what is sent, where, and what the answer must say. */
final class UploadCorpus {

    record Upload(String what, String path, byte[] body, int status, String says) {
        boolean page() {
            return !path.startsWith("/api/");
        }
    }

    private UploadCorpus() {
    }

    static List<Upload> probes(String ref, String csrf) {
        String api = "/api/me/cases/" + ref + "/evidence/files";
        String form = "/me/cases/" + ref + "/evidence/new";
        byte[] png = EvidenceFiles.png(32, 24);
        byte[] fields = Uploads.apiFields();
        List<Upload> probes = new ArrayList<>(List.of(
                new Upload("truncated multipart", api, Uploads.truncated(Uploads.closed(Uploads.file("file", "a.png", png),
                        fields)), 400, "closing boundary"),
                new Upload("unterminated multipart", api, Uploads.unterminated(Uploads.file("file", "a.png", png), fields),
                        400, "closing boundary"),
                new Upload("duplicate file part", api, Uploads.closed(Uploads.file("file", "a.png", png),
                        Uploads.file("file", "b.png", EvidenceFiles.png(8, 8)), fields), 400, "one file per request"),
                new Upload("extra file part", api, Uploads.closed(Uploads.file("file", "a.png", png),
                        Uploads.file("file2", "b.png", png), fields), 400, "no part 'file2'"),
                new Upload("extra field part", api, Uploads.closed(Uploads.file("file", "a.png", png),
                        Uploads.field("comment", "also this"), fields), 400, "no part 'comment'"),
                new Upload("duplicate field part", api, Uploads.closed(Uploads.file("file", "a.png", png), fields,
                        Uploads.field("consentPurpose", "complaint-handling")), 400, "given 2 times"),
                new Upload("polyglot PDF/ZIP", api, Uploads.closed(Uploads.file("file", "minutes.pdf",
                        EvidenceFiles.pdfZipPolyglot()), fields), 422, "also another kind of file"),
                new Upload("PDF with /OpenAction JavaScript", api, Uploads.closed(Uploads.file("file", "minutes.pdf",
                        EvidenceFiles.pdfWithOpenActionJavaScript()), fields), 422, "contains JavaScript"),
                new Upload("PDF with an embedded file", api, Uploads.closed(Uploads.file("file", "minutes.pdf",
                        EvidenceFiles.pdfWithEmbeddedFile()), fields), 422, "embedded file"),
                new Upload("signature-only PNG", api, Uploads.closed(Uploads.file("file", "shot.png",
                        EvidenceFiles.pngSignatureOnly()), fields), 422, "not a readable PNG image"),
                new Upload("file part without a name", api, Uploads.closed(Uploads.file("file", "a.png", png), fields,
                        ("--" + Uploads.BOUNDARY + "\r\nContent-Disposition: form-data; filename=\"b.png\"\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), png, "\r\n".getBytes(
                                        java.nio.charset.StandardCharsets.ISO_8859_1)), 400, "has no name")));
        byte[] pageFields = EvidenceFiles.concat(Uploads.field("_csrf", csrf), Uploads.field("attestPartyToExchange", "yes"),
                Uploads.field("consent", org.evenhand.testing.Evidence.NOTICE));
        probes.addAll(List.of(
                new Upload("page: truncated multipart", form, Uploads.truncated(Uploads.closed(pageFields,
                        Uploads.file("file", "a.png", png))), 400, "did not arrive in full"),
                new Upload("page: unterminated multipart", form, Uploads.unterminated(pageFields,
                        Uploads.file("file", "a.png", png)), 400, "did not arrive in full"),
                new Upload("page: duplicate file part", form, Uploads.closed(pageFields, Uploads.file("file",
                        "a.png", png), Uploads.file("file", "b.png", png)), 400, "give one file at a time"),
                new Upload("page: extra file part", form, Uploads.closed(pageFields, Uploads.file("file",
                        "a.png", png), Uploads.file("other", "b.png", png)), 400, "part named"),
                new Upload("page: PDF with /OpenAction JavaScript", form, Uploads.closed(pageFields,
                        Uploads.file("file", "m.pdf", EvidenceFiles.pdfWithOpenActionJavaScript())), 400,
                        "contains JavaScript")));
        return probes;
    }

    /** Null if the answer is the refusal expected, else what is wrong with it. */
    static String check(Upload u, Uploads.Answer a) {
        String text = a.text().replace("&#39;", "'").replace("&rsquo;", "'");
        boolean typeOk = u.page() ? a.contentType().startsWith("text/html") && text.contains("<main")
                : a.contentType().startsWith("application/problem+json") && text.contains("\"status\":" + a.status());
        if (a.status() != u.status() || !typeOk || !text.contains(u.says())) {
            return a.status() + " " + a.contentType() + " " + MalformedRequestCorpusTest.abbreviate(text);
        }
        return null;
    }

    /** Accepted: a photo with its GPS position, stored without it; given twice, stored once. */
    static void aPhotoLosesItsExifAndIsStoredOnce(String ref, String token) {
        String api = "/api/me/cases/" + ref + "/evidence/files";
        byte[] fields = Uploads.apiFields();
        byte[] photo = Uploads.closed(Uploads.file("file", "photo.jpg", EvidenceFiles.jpegWithExif(64, 48, 1)), fields);
        Uploads.Answer first = Uploads.post(api, token, "application/json", photo);
        assertEquals(201, first.status(), first.text());
        long id = io.restassured.path.json.JsonPath.from(first.text()).getLong("id");
        byte[] back = org.evenhand.testing.Api.as("alice").get("/api/me/cases/" + ref + "/evidence/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertFalse(EvidenceFiles.jpegMarkers(back).contains(0xe1), "the stored copy has no EXIF (APP1) segment");
        assertFalse(EvidenceFiles.contains(back, EvidenceFiles.GPS_MARK), "the GPS block is gone");
        assertEquals(64, EvidenceFiles.read(back).getWidth(), "and it is still the picture");
        long rows = evidenceRows();
        Uploads.Answer again = Uploads.post(api, token, "application/json", photo);
        assertEquals(200, again.status(), again.text());
        assertEquals(id, io.restassured.path.json.JsonPath.from(again.text()).getLong("id"));
        assertTrue(String.valueOf(again.location()).endsWith("/api/me/cases/" + ref + "/evidence/" + id), again.location());
        assertEquals(rows, evidenceRows(), "the same file given again is not stored again");
    }

    static long evidenceRows() {
        return org.evenhand.testing.Db.count("SELECT count(*) FROM evidence_items");
    }

    /** What FailureMappers logs as an unexpected failure (an incident) while it watches. */
    static final class Incidents extends java.util.logging.Handler {
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
                "org.evenhand.common.FailureMappers");
        private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        static Incidents watch() {
            Incidents i = new Incidents();
            LOG.addHandler(i);
            return i;
        }

        List<String> stop() {
            LOG.removeHandler(this);
            return List.copyOf(seen);
        }

        @Override
        public void publish(java.util.logging.LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                seen.add(String.valueOf(r.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
