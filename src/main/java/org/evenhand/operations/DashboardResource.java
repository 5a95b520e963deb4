package org.evenhand.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.Roles;

/** The complaints manager's operations dashboard as JSON (decision 0038). */
@Path("/api/manager/dashboard")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @GET
    @Operation(summary = "Open and overdue cases by stage, median time in each stage (12 weeks), cases closed each week"
            + " (12 weeks), recusals each month (12 months)")
    public Dashboard.Figures figures() {
        return dashboard.figures();
    }
}
