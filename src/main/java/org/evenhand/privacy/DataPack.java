package org.evenhand.privacy;

import jakarta.ws.rs.core.Response;

/** A member's subject access pack (a zip), as the API and the pages both hand it over: a download, never cached. */
public record DataPack(byte[] zip, String membershipNumber) {

    public Response download() {
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"evenhand-" + membershipNumber + ".zip\"")
                .header("Cache-Control", "no-store").build();
    }
}
