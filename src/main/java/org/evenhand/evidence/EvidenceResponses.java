package org.evenhand.evidence;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Files go out as attachments that a browser will not sniff or render inline. */
final class EvidenceResponses {

    private EvidenceResponses() {
    }

    static Response of(Object content) {
        if (content instanceof EvidenceRecords.FileContent f) {
            return Response.ok(f.bytes(), f.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store").build();
        }
        return Response.ok(content, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }
}
