package org.evenhand.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.evenhand.common.ProblemException;

/**
 * A PDF is kept only if it is a PDF and nothing else, and nothing in it acts: it must begin with
 * the PDF header and end at its last {@code %%EOF} (so it is not also a ZIP, JAR or another
 * format, a polyglot), must parse (PDFBox), must not be encrypted, and no object in it (every
 * object in its cross-reference table and everything reachable from its trailer, whether or not
 * a viewer would find it) may hold JavaScript, a launch action, a form that submits or imports
 * data, an embedded file or file attachment, an XFA form, or rich media. The bytes are stored as
 * given: a document is evidence as it was sent.
 */
final class PdfCheck {

    /** Memory PDFBox may use for decoded object streams while we look (a bomb fails here). */
    static final long MAX_PARSE_MEMORY = 64L * 1024 * 1024;
    static final int MAX_OBJECTS = 1_000_000;
    /** A ZIP reader finds the end of its directory within this many bytes of the end of the file. */
    static final int ZIP_TAIL = 65_535 + 22;

    private static final String PRINT = "print it to a new PDF (\u201cSave as PDF\u201d or \u201cMicrosoft Print to"
            + " PDF\u201d) or send a screenshot";

    private PdfCheck() {
    }

    static void check(byte[] bytes) {
        polyglot(bytes);
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(MAX_PARSE_MEMORY).streamCache)) {
            if (doc.isEncrypted()) {
                throw encrypted();
            }
            walk(doc.getDocument());
            if (doc.getNumberOfPages() < 1) {
                throw FileRefusal.unreadable("PDF");
            }
        } catch (ProblemException e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            throw FileRefusal.unreadable("PDF");
        }
    }

    /** Something before the header, something after the end, or a ZIP directory at the end. */
    static void polyglot(byte[] b) {
        if (!startsWith(b, 0, "%PDF-")) {
            throw FileRefusal.activePdf("polyglot-file", "has other data in front of its header, so it is also"
                    + " another kind of file", PRINT);
        }
        int eof = lastIndexOf(b, "%%EOF");
        if (eof < 0) {
            throw FileRefusal.unreadable("PDF");
        }
        for (int i = eof + 5; i < b.length; i++) {
            if (b[i] != '\r' && b[i] != '\n' && b[i] != ' ' && b[i] != '\t' && b[i] != 0) {
                throw FileRefusal.activePdf("polyglot-file", "has data after its end, so it is also another kind"
                        + " of file (a ZIP archive, for example)", PRINT);
            }
        }
        int from = Math.max(0, b.length - ZIP_TAIL);
        for (int i = b.length - 22; i >= from; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                throw FileRefusal.activePdf("polyglot-file", "is also a ZIP archive", PRINT);
            }
        }
    }

    private static void walk(COSDocument doc) {
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(doc.getTrailer());
        for (COSObjectKey key : doc.getXrefTable().keySet()) {
            todo.push(doc.getObjectFromPool(key));
        }
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int visited = 0;
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject o) {
                next = o.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (++visited > MAX_OBJECTS) {
                throw FileRefusal.unreadable("PDF");
            }
            if (next instanceof COSDictionary d) {
                inspect(d);
                for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                    todo.push(e.getValue());
                }
            } else if (next instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.push(a.get(i));
                }
            }
        }
    }

    private static void inspect(COSDictionary d) {
        String action = name(d, COSName.S);
        String type = name(d, COSName.TYPE);
        String subtype = name(d, COSName.SUBTYPE);
        if ("JavaScript".equals(action) || d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT)
                || javascriptUri(d)) {
            throw FileRefusal.activePdf("pdf-javascript", "contains JavaScript", PRINT);
        }
        if ("Launch".equals(action)) {
            throw FileRefusal.activePdf("pdf-launch-action", "contains an action that launches a program or opens"
                    + " a file", PRINT);
        }
        if ("SubmitForm".equals(action) || "ImportData".equals(action)) {
            throw FileRefusal.activePdf("pdf-form-action", "contains a form action that sends or loads data", PRINT);
        }
        if (d.containsKey(COSName.EMBEDDED_FILES) || d.containsKey(COSName.EF) || "EmbeddedFile".equals(type)
                || "FileAttachment".equals(subtype) || "GoToE".equals(action)) {
            throw FileRefusal.activePdf("pdf-embedded-file", "contains an embedded file or attachment",
                    "send the attached file on its own, and " + PRINT);
        }
        if (d.containsKey(COSName.XFA)) {
            throw FileRefusal.activePdf("pdf-xfa-form", "contains an XFA form, which can run scripts", PRINT);
        }
        if ("RichMedia".equals(subtype) || "RichMediaExecute".equals(action)) {
            throw FileRefusal.activePdf("pdf-rich-media", "contains embedded rich media", PRINT);
        }
    }

    /** A link whose address is {@code javascript:} runs script in some viewers. */
    private static boolean javascriptUri(COSDictionary d) {
        COSBase v = d.getItem(COSName.URI);
        if (v instanceof COSObject o) {
            v = o.getObject();
        }
        return v instanceof COSString u && u.getString().strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[\\s\\x00-\\x1f]", "").startsWith("javascript:");
    }

    private static String name(COSDictionary d, COSName key) {
        COSBase v = d.getItem(key);
        if (v instanceof COSObject o) {
            v = o.getObject();
        }
        return v instanceof COSName n ? n.getName() : null;
    }

    private static ProblemException encrypted() {
        return FileRefusal.activePdf("pdf-encrypted", "is encrypted or protected by a password, so it cannot be"
                + " checked or read by the people handling the case", PRINT + " without a password");
    }

    static boolean startsWith(byte[] b, int at, String s) {
        byte[] p = s.getBytes(StandardCharsets.US_ASCII);
        if (at + p.length > b.length) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (b[at + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    static int lastIndexOf(byte[] b, String s) {
        for (int i = b.length - s.length(); i >= 0; i--) {
            if (startsWith(b, i, s)) {
                return i;
            }
        }
        return -1;
    }
}
