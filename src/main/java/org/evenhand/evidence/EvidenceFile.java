package org.evenhand.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A file a party gives as evidence: the name they gave it and its bytes. Whether it is kept is
 * decided from the bytes (EvidenceService, FileInspector), never from the name.
 */
public record EvidenceFile(String name, byte[] bytes) {

    /** The file in a multipart part (API), or null when there is no such part. */
    public static EvidenceFile of(FileUpload upload) {
        if (upload == null) {
            return null;
        }
        try {
            return new EvidenceFile(upload.fileName(), Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file chosen in a form's file field, or null when none was chosen (browsers send an empty, nameless part). */
    public static EvidenceFile chosen(FileUpload upload) {
        return upload == null || upload.fileName() == null || upload.fileName().isBlank() ? null : of(upload);
    }
}
