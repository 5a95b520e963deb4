package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;

/**
 * The interference firewall: a handler records on the case any contact about it from an
 * office-holder or member of staff who is not one of its handlers. The record goes on the case
 * (staff timeline and staff view), into the action trail, and is counted for the audit
 * ({@link InterferenceRecords}). Nothing can remove it.
 */
@ApplicationScoped
public class InterferenceService {

    public enum ContactKind {
        @JsonProperty("office-holder") OFFICE_HOLDER("office-holder"), @JsonProperty("staff") STAFF("staff");

        final String code;

        ContactKind(String code) {
            this.code = code;
        }
    }

    public enum Channel {
        @JsonProperty("in-person") IN_PERSON("in-person"), @JsonProperty("phone") PHONE("phone"),
        @JsonProperty("email") EMAIL("email"), @JsonProperty("message") MESSAGE("message"),
        @JsonProperty("letter") LETTER("letter"), @JsonProperty("other") OTHER("other");

        final String code;

        Channel(String code) {
            this.code = code;
        }
    }

    /** What the handler reports: who contacted them, in what capacity, when, how, and what was asked. */
    public record Report(@NotBlank @Size(max = 200) String contactName, @NotBlank @Size(max = 200) String contactRole,
            @NotNull ContactKind contactKind, @NotNull OffsetDateTime contactedAt, @NotNull Channel channel,
            @NotBlank @Size(max = 20000) String asked, @Size(max = 20000) String handlerResponse) {
    }

    public record View(long id, String recordedBy, Instant recordedAt, String contactName, String contactRole,
            String contactKind, Instant contactedAt, String channel, String asked, String handlerResponse) {
    }

    @Inject
    CaseLetters letters;
    @Inject
    Assignment assignment;
    @Inject
    TimeSource time;

    /**
     * Records a contact. Caseworkers who may handle the case and panel members who sit on it may
     * record; anyone else gets 404, as for the case itself.
     */
    @Transactional
    public View record(String ref, String handler, boolean caseworker, boolean panel, Report in) {
        CaseFile c = handledBy(ref, handler, caseworker, panel);
        Instant now = time.now();
        Instant contactedAt = in.contactedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (contactedAt.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw ProblemException.invalidField("contactedAt", "the contact cannot be in the future");
        }
        InterferenceRecord r = new InterferenceRecord();
        r.caseId = c.id;
        r.recordedBy = handler;
        r.recordedAt = now;
        r.contactName = in.contactName().strip();
        r.contactRole = in.contactRole().strip();
        r.contactKind = in.contactKind().code;
        r.contactedAt = contactedAt;
        r.channel = in.channel().code;
        r.asked = in.asked().strip();
        r.handlerResponse = in.handlerResponse() == null || in.handlerResponse().isBlank() ? null
                : in.handlerResponse().strip();
        r.persist();
        letters.record(c, handler, "interference-recorded", staff, "Contact about this case from " + r.contactName
                + " (" + r.contactRole + ", " + r.contactKind + ") on " + r.contactedAt + " by " + r.channel
                + ", recorded by " + handler + ". Asked: " + r.asked
                + (r.handlerResponse == null ? "" : " Response: " + r.handlerResponse));
        return view(r);
    }

    /** The case's records, for the caseworkers who may handle it. */
    @Transactional
    public List<View> list(String ref, String caseworker) {
        CaseFile c = handledBy(ref, caseworker, true, false);
        return forCase(c.id);
    }

    List<View> forCase(long caseId) {
        return InterferenceRecord.<InterferenceRecord>list("caseId = ?1 order by id", caseId).stream()
                .map(InterferenceService::view).toList();
    }

    private CaseFile handledBy(String ref, String username, boolean caseworker, boolean panel) {
        CaseFile c = CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
        boolean handles = caseworker && assignment.isEligible(c, Handler.CASEWORKER, username);
        boolean seated = panel && PanelSeat.count("caseId = ?1 and username = ?2", c.id, username) > 0;
        if (!handles && !seated) {
            throw ProblemException.notFound("case " + ref);
        }
        return c;
    }

    private static View view(InterferenceRecord r) {
        return new View(r.id, r.recordedBy, r.recordedAt, r.contactName, r.contactRole, r.contactKind,
                r.contactedAt, r.channel, r.asked, r.handlerResponse);
    }
}
