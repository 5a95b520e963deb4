package org.evenhand.crypto;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.evenhand.common.Problems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems raised by encryption at rest, as problem+json. */
public class CryptoProblemMappers {

    private static final Logger LOG = Logger.getLogger(CryptoProblemMappers.class);

    /** Altered or corrupted ciphertext is never returned as data: a server-side fault, said plainly and logged loudly. */
    @ServerExceptionMapper
    public Response integrity(IntegrityException e, UriInfo uri) {
        LOG.errorf("INTEGRITY FAILURE at %s: %s", uri.getPath(), e.getMessage());
        return Problems.response(500, "stored-data-integrity", "Stored data failed its integrity check",
                e.getMessage() + "; the incident has been logged for the data protection officer", "/" + uri.getPath().replaceFirst("^/", ""),
                List.of());
    }

    @ServerExceptionMapper
    public Response erased(ErasedException e, UriInfo uri) {
        return Problems.response(410, "erased", "Erased", e.getMessage(), "/" + uri.getPath().replaceFirst("^/", ""), List.of());
    }
}
