package org.evenhand.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Multipart bodies written byte by byte (so they can be cut off, left open, or carry parts a form
 * does not have) and sent exactly as written, as outsiders' clients did.
 */
public final class Uploads {

    public static final String BOUNDARY = "evenhand-upload-7d1f";
    public static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private Uploads() {
    }

    /** One part; {@code filename} null for a plain field. */
    public static byte[] part(String name, String filename, String contentType, byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
        return EvidenceFiles.concat(head.getBytes(StandardCharsets.ISO_8859_1), content, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] field(String name, String value) {
        return part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] file(String name, String filename, byte[] content) {
        return part(name, filename, "application/octet-stream", content);
    }

    /** The API's fields besides the file: attestation, consent, thread. */
    public static byte[] apiFields() {
        return EvidenceFiles.concat(field("attestPartyToExchange", "true"), field("consentNoticeVersion", Evidence.NOTICE),
                field("consentPurpose", "complaint-handling"), field("threadContext", "[\"Bob: see you at the branch\"]"));
    }

    /** The parts, then the closing boundary. */
    public static byte[] closed(byte[]... parts) {
        return EvidenceFiles.concat(EvidenceFiles.concat(parts), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The parts without the closing boundary. */
    public static byte[] unterminated(byte[]... parts) {
        return EvidenceFiles.concat(parts);
    }

    /** The closed body cut off in the middle of its first file. */
    public static byte[] truncated(byte[] closedBody) {
        String text = new String(closedBody, StandardCharsets.ISO_8859_1);
        int file = text.indexOf("filename=");
        int cut = file + (closedBody.length - file) / 3;
        return Arrays.copyOf(closedBody, cut);
    }

    public record Answer(int status, String contentType, String location, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** POSTs the body as it is (Content-Length is its length), with a bearer token or none. */
    public static Answer post(String path, String bearer, String accept, byte[] body) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + path))
                    .header("Content-Type", TYPE).header("Accept", accept).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (bearer != null) {
                req.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<byte[]> r = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client that dies mid-upload: announces {@code body.length + missing} bytes, sends
     * {@code body}, then closes its side. The status of any answer, or -1 when the server (rightly)
     * just closes the connection.
     */
    public static int postCutOff(String path, String bearer, byte[] body, int missing) {
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + TYPE
                    + "\r\nContent-Length: " + (body.length + missing) + "\r\nAccept: application/json\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            s.shutdownOutput();
            byte[] answer = s.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        } catch (java.net.SocketException e) {
            return -1; // reset by the server
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
