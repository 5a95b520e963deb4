package org.evenhand.evidence;

import java.util.List;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;

/**
 * Why an uploaded file is not taken as evidence, each reason with what the person can do
 * instead. All are 4xx problems on the {@code file} field, so a page form shows them next to its
 * file input and the API names the part.
 */
final class FileRefusal {

    static final String FIELD = "file";

    private FileRefusal() {
    }

    /** 415: not PNG, JPEG or PDF, judged from the bytes. */
    static ProblemException unsupported(String detected) {
        return new ProblemException(415, "unsupported-file-type", "Unsupported file type",
                "only PNG, JPEG and PDF files are accepted; this file's content is " + detected,
                List.of(new Problem.FieldError(FIELD, "content is " + detected)));
    }

    /** 422: the file claims a type it does not decode as (damaged, truncated, or only a signature). */
    static ProblemException unreadable(String what) {
        return refused("file-not-readable", "File cannot be read", "the file is not a readable " + what
                + ": it is damaged, incomplete or not really a " + what + ". Save it again, or send a screenshot");
    }

    /** 422: an image whose header announces more pixels than we will decode. */
    static ProblemException imageTooLarge(long width, long height, long maxPixels) {
        return refused("image-too-large", "Image too large", "the image is " + width + " x " + height
                + " pixels; images may have at most " + maxPixels / 1_000_000 + " million pixels. Send a smaller"
                + " screenshot, or scale the image down");
    }

    /** 422: a PDF carrying something that acts (script, launch, embedded file) or another format. */
    static ProblemException activePdf(String slug, String what, String instead) {
        return refused(slug, "PDF refused", "the PDF " + what + ", which we do not accept as evidence: " + instead);
    }

    private static ProblemException refused(String slug, String title, String reason) {
        return new ProblemException(422, slug, title, reason, List.of(new Problem.FieldError(FIELD, reason)));
    }
}
