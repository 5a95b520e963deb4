package org.evenhand.floor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The framework's limit for a case view: the same bearer-token verification as Evenhand's API and a
 * JSON body of the same size, built once, with no database and no work behind it.
 */
@Path("/api/floor")
public class FixedBody {

    private static final ConcurrentHashMap<Integer, byte[]> BODIES = new ConcurrentHashMap<>();

    @GET
    @Path("/view")
    @RolesAllowed("member")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] view(@QueryParam("bytes") int bytes) {
        return BODIES.computeIfAbsent(Math.max(16, Math.min(bytes, 1 << 20)), FixedBody::body);
    }

    /** Unauthenticated: the bench scripts poll it to time the boot to ready. */
    @GET
    @Path("/ready")
    @Produces(MediaType.TEXT_PLAIN)
    public String ready() {
        return "ready";
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] open = "{\"filler\":\"".getBytes();
        System.arraycopy(open, 0, body, 0, open.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }
}
