package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * Decides what an uploaded file is from its bytes (Apache Tika), never from its name, and whether
 * it is kept: images are decoded and re-encoded (ImageCheck), PDFs are checked for active content
 * and other formats (PdfCheck). A refusal is a 4xx problem on the {@code file} field that says why.
 */
@ApplicationScoped
public class FileInspector {

    static final Map<String, String> ALLOWED = Map.of("image/png", "png", "image/jpeg", "jpg", "application/pdf", "pdf");

    private final Tika tika = new Tika();

    /** A file we keep: its media type and the bytes to store (for images, the re-encoded copy). */
    public record Inspected(String mediaType, byte[] bytes) {
    }

    /** 415 unless the content is PNG, JPEG or PDF; 422 if it does not decode or is active or also something else. */
    public Inspected inspect(byte[] bytes) {
        String type = mediaType(bytes);
        return switch (type) {
            case "image/png" -> new Inspected(type, ImageCheck.reencode(bytes, "png"));
            case "image/jpeg" -> new Inspected(type, ImageCheck.reencode(bytes, "jpeg"));
            default -> {
                PdfCheck.check(bytes);
                yield new Inspected(type, bytes);
            }
        };
    }

    /** The media type detected from the content; 415 unless it is PNG, JPEG or PDF. */
    public String mediaType(byte[] bytes) {
        String detected = tika.detect(bytes);
        if (!ALLOWED.containsKey(detected)) {
            throw FileRefusal.unsupported(detected);
        }
        return detected;
    }

    /**
     * A safe display name: no directories, only letters, digits, dot, dash, underscore and
     * space, at most 100 characters, and the extension of the detected type.
     */
    public String safeName(String original, String mediaType) {
        String name = original == null ? "" : original;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        stem = stem.replaceAll("[^A-Za-z0-9 _-]", "_").replaceAll("_+", "_").strip();
        stem = stem.replaceAll("^[._ ]+", "");
        if (stem.isEmpty()) {
            stem = "evidence";
        }
        if (stem.length() > 96) {
            stem = stem.substring(0, 96);
        }
        return stem + "." + ALLOWED.get(mediaType);
    }
}
