package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.tika.Tika;
import org.evenhand.common.ProblemException;

/** Decides what an uploaded file is from its bytes (Apache Tika), never from its name. */
@ApplicationScoped
public class FileInspector {

    static final Map<String, String> ALLOWED = Map.of("image/png", "png", "image/jpeg", "jpg", "application/pdf", "pdf");

    private final Tika tika = new Tika();

    /** The media type detected from the content; 415 unless it is PNG, JPEG or PDF. */
    public String mediaType(byte[] bytes) {
        String detected = tika.detect(bytes);
        if (!ALLOWED.containsKey(detected)) {
            throw new ProblemException(415, "unsupported-file-type", "Unsupported file type",
                    "only PNG, JPEG and PDF files are accepted; this file's content is " + detected, java.util.List.of(
                            new org.evenhand.common.Problem.FieldError("file", "content is " + detected)));
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
