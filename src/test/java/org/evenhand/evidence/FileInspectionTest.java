package org.evenhand.evidence;

import static org.evenhand.testing.EvidenceFiles.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.testing.EvidenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules for evidence files, without Quarkus: what is kept (and how), what is refused and why. */
class FileInspectionTest {

    final FileInspector inspector = new FileInspector();

    static Stream<Arguments> refused() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] png = EvidenceFiles.png(64, 48);
        byte[] jpeg = EvidenceFiles.jpeg(64, 48);
        return Stream.of(
                // what, bytes, status, problem type, words the reason must contain
                row("renamed executable", () -> exe, 415, "unsupported-file-type", "application/"),
                row("ZIP archive", () -> EvidenceFiles.zip("a.txt", "x"), 415, "unsupported-file-type", "zip"),
                row("signature-only PNG", EvidenceFiles::pngSignatureOnly, 422, "file-not-readable", "PNG image"),
                row("PNG without image data", EvidenceFiles::pngWithoutData, 422, "file-not-readable", "PNG image"),
                row("truncated PNG", () -> Arrays.copyOf(png, png.length / 2), 422, "file-not-readable", "damaged"),
                row("PNG bomb (100,000 x 100,000 in the header)", EvidenceFiles::pngBomb, 422, "image-too-large",
                        "100000 x 100000"),
                row("truncated JPEG", () -> Arrays.copyOf(jpeg, jpeg.length - 40), 422, "file-not-readable",
                        "JPEG image"),
                row("JPEG signature only", () -> new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16,
                        'J', 'F', 'I', 'F', 0 }, 422, "file-not-readable", "JPEG image"),
                row("PDF with /OpenAction JavaScript", EvidenceFiles::pdfWithOpenActionJavaScript, 422,
                        "pdf-javascript", "contains JavaScript, which we do not accept as evidence: print it to a new PDF"),
                row("PDF with a JavaScript link", EvidenceFiles::pdfWithLinkJavaScript, 422, "pdf-javascript",
                        "JavaScript"),
                row("PDF with a javascript: link", EvidenceFiles::pdfWithJavaScriptUri, 422, "pdf-javascript",
                        "JavaScript"),
                row("PDF with a launch action", EvidenceFiles::pdfWithLaunch, 422, "pdf-launch-action", "launches"),
                row("PDF with an embedded file", EvidenceFiles::pdfWithEmbeddedFile, 422, "pdf-embedded-file",
                        "embedded file"),
                row("PDF with a file attachment", EvidenceFiles::pdfWithAttachmentAnnotation, 422, "pdf-embedded-file",
                        "attachment"),
                row("encrypted PDF", EvidenceFiles::pdfEncrypted, 422, "pdf-encrypted", "password"),
                row("PDF followed by a ZIP (polyglot)", EvidenceFiles::pdfZipPolyglot, 422, "polyglot-file",
                        "also another kind of file"),
                row("ZIP inside a PDF before its end", EvidenceFiles::pdfWithZipInside, 422, "polyglot-file", "ZIP"),
                row("PDF header and nothing else", () -> "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), 422,
                        "file-not-readable", "PDF"),
                row("PDF without an end", () -> Arrays.copyOf(EvidenceFiles.pdf(), 400), 422, "file-not-readable",
                        "PDF"));
    }

    static Arguments row(String what, Supplier<byte[]> bytes, int status, String type, String reason) {
        return Arguments.of(what, bytes, status, type, reason);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refused")
    void refusedWithAClearReason(String what, Supplier<byte[]> bytes, int status, String type, String reason) {
        ProblemException e = assertThrows(ProblemException.class, () -> inspector.inspect(bytes.get()), what);
        Problem p = e.toProblem(null);
        assertEquals(status, p.status(), what + ": " + p.detail());
        assertTrue(p.type().endsWith("/" + type), what + ": type " + p.type());
        assertTrue(p.detail().contains(reason), what + ": detail '" + p.detail() + "' lacks '" + reason + "'");
        assertEquals("file", p.errors().get(0).field());
        assertFalse(p.detail().matches(".*(Exception|org\\.apache|java\\.).*"), "no library words: " + p.detail());
    }

    @Test
    void aPngIsReEncodedWithoutItsMetadataAndLooksTheSame() {
        byte[] given = EvidenceFiles.pngWithText(64, 48, "GPS 51.5074 N, taken at home");
        FileInspector.Inspected kept = inspector.inspect(given);
        assertEquals("image/png", kept.mediaType());
        assertFalse(EvidenceFiles.contains(kept.bytes(), "tEXt"), "text chunks are not kept");
        assertFalse(EvidenceFiles.contains(kept.bytes(), "51.5074"));
        assertSamePixels(EvidenceFiles.read(given), EvidenceFiles.read(kept.bytes()));
    }

    static Stream<Arguments> imageKinds() {
        return Stream.of(Arguments.of("RGB", BufferedImage.TYPE_INT_RGB, "png"),
                Arguments.of("RGB with alpha", BufferedImage.TYPE_INT_ARGB, "png"),
                Arguments.of("palette", BufferedImage.TYPE_BYTE_INDEXED, "png"),
                Arguments.of("16-bit grey", BufferedImage.TYPE_USHORT_GRAY, "png"),
                Arguments.of("grey", BufferedImage.TYPE_BYTE_GRAY, "png"),
                Arguments.of("grey", BufferedImage.TYPE_BYTE_GRAY, "jpeg"),
                Arguments.of("RGB", BufferedImage.TYPE_3BYTE_BGR, "jpeg"));
    }

    @ParameterizedTest(name = "a {0} {2} is kept, re-encoded")
    @MethodSource("imageKinds")
    void everyKindOfImageIsKeptReEncoded(String what, int type, String format) throws IOException {
        BufferedImage img = new BufferedImage(30, 20, type);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0, 0, 255, 200));
        g.fillRect(0, 0, 15, 10);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(img, format, out), "the JDK writes a " + what + " " + format);
        FileInspector.Inspected kept = inspector.inspect(out.toByteArray());
        BufferedImage back = EvidenceFiles.read(kept.bytes());
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
        if (format.equals("png")) {
            assertSamePixels(EvidenceFiles.read(out.toByteArray()), back);
        }
    }

    @Test
    void theBrowserSuitesScreenshotIsKept() {
        // src/test/browser/lib.mjs png(): the file the browser suite attaches to a complaint
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
        assertEquals(2, EvidenceFiles.read(inspector.inspect(png).bytes()).getWidth());
    }

    @Test
    void anythingAfterThePngEndIsDropped() {
        byte[] given = concat(EvidenceFiles.png(16, 16), EvidenceFiles.zip("x.txt", "appended archive"));
        byte[] kept = inspector.inspect(given).bytes();
        assertFalse(EvidenceFiles.contains(kept, "PK"), "the appended ZIP is gone");
        assertEquals(16, EvidenceFiles.read(kept).getWidth());
    }

    @Test
    void aJpegLosesItsExifGpsAndKeepsItsPicture() {
        byte[] given = EvidenceFiles.jpegWithExif(64, 48, 1);
        assertTrue(EvidenceFiles.jpegMarkers(given).contains(0xe1), "the fixture has an EXIF block");
        assertTrue(EvidenceFiles.contains(given, EvidenceFiles.GPS_MARK));
        FileInspector.Inspected kept = inspector.inspect(given);
        assertEquals("image/jpeg", kept.mediaType());
        assertFalse(EvidenceFiles.jpegMarkers(kept.bytes()).contains(0xe1), "no APP1 (EXIF) segment is kept");
        assertFalse(EvidenceFiles.contains(kept.bytes(), "Exif"));
        assertFalse(EvidenceFiles.contains(kept.bytes(), EvidenceFiles.GPS_MARK));
        BufferedImage img = EvidenceFiles.read(kept.bytes());
        assertEquals(64, img.getWidth());
        assertEquals(48, img.getHeight());
        assertBlueAt(img, 5, 5);
    }

    @Test
    void aRotatedPhotoIsStoredUpright() {
        // orientation 6: the camera stored it lying on its side; shown turned 90° clockwise
        BufferedImage img = EvidenceFiles.read(inspector.inspect(EvidenceFiles.jpegWithExif(64, 48, 6)).bytes());
        assertEquals(48, img.getWidth());
        assertEquals(64, img.getHeight());
        assertBlueAt(img, 48 - 5, 5); // the stored top-left is now top-right
    }

    @Test
    void aPlainPdfIsKeptAsGiven() {
        for (byte[] pdf : List.of(EvidenceFiles.pdf(), EvidenceFiles.pdfWithWebLink())) {
            FileInspector.Inspected kept = inspector.inspect(pdf);
            assertEquals("application/pdf", kept.mediaType());
            assertArrayEquals(pdf, kept.bytes());
        }
    }

    @Test
    void brokenMultipartBodiesAreRecognisedAndNothingElse() throws Exception {
        String multipart = "multipart/form-data; boundary=x";
        record Case(Throwable failure, String type, boolean broken) {
        }
        for (Case c : List.of(
                new Case(new IOException("Connection terminated reading multipart data"), multipart, true),
                new Case(new IOException("Connection terminated parsing multipart request"), multipart, true),
                new Case(newMalformed(), multipart, true),
                new Case(new IOException(new java.nio.channels.ClosedChannelException()), multipart, true),
                new Case(new IOException(new IOException(new io.vertx.core.http.HttpClosedException("closed"))),
                        multipart, true),
                new Case(new IOException("Connection terminated reading multipart data"), "application/json", false),
                new Case(new IOException("disk full"), multipart, false),
                new Case(new IllegalStateException("multipart"), multipart, false))) {
            var p = UploadParts.broken(c.failure(), c.type());
            assertEquals(c.broken(), p.isPresent(), c.toString());
            p.ifPresent(x -> {
                assertEquals(400, x.status());
                assertTrue(x.getMessage().contains("nothing was stored"));
            });
        }
        assertFalse(UploadParts.broken(new IOException("multipart"), null).isPresent());
    }

    @Test
    void exifOrientationIsReadFromBothByteOrdersAndNonsenseIsIgnored() {
        assertEquals(6, ExifOrientation.of(EvidenceFiles.jpegWithExif(8, 8, 6)));
        assertEquals(1, ExifOrientation.of(EvidenceFiles.jpeg(8, 8)));
        assertEquals(1, ExifOrientation.of(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0 }));
        assertEquals(1, ExifOrientation.of(new byte[0]));
    }

    @Test
    void theSafeNameTakesTheExtensionOfWhatTheFileIs() {
        assertEquals("passwd screenshot_.png", inspector.safeName("../../etc/passwd screenshot?.exe", "image/png"));
        assertEquals("evidence.pdf", inspector.safeName("...", "application/pdf"));
    }

    private static Throwable newMalformed() throws Exception {
        return org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException.class
                .getDeclaredConstructor().newInstance();
    }

    private static void assertBlueAt(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int b = rgb & 0xff;
        assertTrue(b > 200 && r < 60, "blue expected at " + x + "," + y + ", was " + Integer.toHexString(rgb));
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b) {
        assertNotNull(b);
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }
}
