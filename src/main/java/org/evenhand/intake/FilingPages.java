package org.evenhand.intake;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.evenhand.web.PageErrors;
import org.evenhand.definition.Definitions;
import org.evenhand.evidence.EvidenceConfig;
import org.evenhand.evidence.EvidenceForm;
import org.evenhand.evidence.EvidenceInput;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.evidence.UploadParts;
import org.evenhand.identity.MemberDirectory;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Filing a complaint from the member's pages: the form, the picker for the respondent, and the filing itself. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class FilingPages {

    public record Choice(String value, String label) {
    }

    public record FilePage(List<Definitions.VersionClauses> versions, List<Choice> found, String chosenLabel,
            String searched, EvidenceRecords.ConsentNotice notice, String today, long maxFileMb) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance file(FilePage page, Form form);
    }

    @Inject
    FilingWithEvidence filing;
    @Inject
    EvidenceService evidence;
    @Inject
    EvidenceConfig evidenceConfig;
    @Inject
    EvidenceForm evidenceForm;
    @Inject
    MemberDirectory directory;
    @Inject
    Definitions definitions;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;

    // ------------------------------------------------------------ filing a complaint

    @GET
    @Path("/complaints/new")
    @Operation(hidden = true)
    public Response newComplaint() {
        return Html.ok(Templates.file(filePage(Form.empty(), List.of(), null), Form.empty()));
    }

    /** For the picker on the filing form: members matching a name or number, never yourself. */
    @GET
    @Path("/members")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<MemberDirectory.MemberSummary> members(@QueryParam("q") String q) {
        Member me = user.requireMember();
        return directory.search(q).stream().filter(s -> !s.membershipNumber().equals(me.membershipNumber)).toList();
    }

    @POST
    @Path("/complaints/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response fileComplaint(@RestForm String action, @RestForm String respondentQuery,
            @RestForm String respondent, @RestForm String conductDate, @RestForm List<String> clauses,
            @RestForm String allegation, @RestForm String conductLink, @RestForm String evidenceText,
            @RestForm String evidenceThread, @RestForm("evidenceFile") FileUpload file, @RestForm String consent,
            @RestForm String attest) {
        UploadParts.requireOneFileAt("evidenceFile");
        Member me = user.requireMember();
        Form form = Form.empty().set("respondentQuery", respondentQuery).set("respondent", respondent)
                .set("conductDate", conductDate).setAll("clauses", clauses).set("allegation", allegation)
                .set("conductLink", conductLink).set("evidenceText", evidenceText).set("evidenceThread", evidenceThread)
                .set("consent", consent).set("attest", attest);
        if ("find".equals(action)) {
            form.set("respondent", null);
            List<Choice> found = find(form, me);
            return Html.ok(Templates.file(filePage(form, found, null), form));
        }
        if (form.text("respondent") == null) {
            // next to the list of members found, or next to the search box when there is no list yet
            boolean listed = form.text("respondentQuery") != null && form.text("respondentQuery").length() >= 2;
            form.error(listed ? "respondent" : "respondentQuery", listed ? "Choose the member you are complaining"
                    + " about from the list." : "Search for the member you are complaining about, and choose them.");
        }
        LocalDate date = checkDate(form, "conductDate");
        if (form.values("clauses").isEmpty()) {
            form.error("clauses", "Choose at least one clause that you think was breached.");
        }
        String text = form.text("allegation");
        if (text == null) {
            form.error("allegation", "Describe what happened.");
        } else if (text.length() < 10) {
            form.error("allegation", "Say a little more about what happened (at least 10 characters).");
        } else if (text.length() > 20000) {
            form.error("allegation", "Keep the description to 20,000 characters; put the rest in your evidence.");
        }
        if (form.text("conductLink") != null && !form.text("conductLink").matches("https?://\\S+")) {
            form.error("conductLink", "Give a web address starting with https:// or http://, or leave this empty.");
        }
        EvidenceInput ev = evidenceForm.read(form, file, "evidenceText", null);
        if (!form.hasErrors()) {
            try {
                String ref = filing.file(me, FilingWithEvidence.request(form.text("respondent"), date,
                        form.values("clauses"), text, form.text("conductLink"), ev), ev);
                return Html.seeOther("/me/cases/" + ref + "?done=filed");
            } catch (ProblemException e) {
                PageErrors.onto(form, e, FILING_FIELDS, "allegation");
            } catch (ConstraintViolationException e) {
                PageErrors.onto(form, e, FILING_FIELDS, "allegation");
            }
        }
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            form.error("evidenceFile", "For your safety the browser does not keep a chosen file when a form comes"
                    + " back: choose " + file.fileName() + " again.");
        }
        List<Choice> found = form.text("respondentQuery") != null && form.text("respondent") == null ? find(form, me)
                : List.of();
        return Html.page(400, Templates.file(filePage(form, found, date), form));
    }

    static final Map<String, String> FILING_FIELDS = Map.ofEntries(
            Map.entry("respondentMembershipNumber", "respondent"), Map.entry("conductDate", "conductDate"),
            Map.entry("clauses", "clauses"), Map.entry("allegation", "allegation"),
            Map.entry("conductLink", "conductLink"), Map.entry("text", "evidenceText"),
            Map.entry("url", "evidenceLink"), Map.entry("file", "evidenceFile"),
            Map.entry("threadContext", "evidenceThread"), Map.entry("attestPartyToExchange", "attest"),
            Map.entry("consent.noticeVersion", "consent"), Map.entry("consent.purpose", "consent"),
            Map.entry("noticeVersion", "consent"));

    private List<Choice> find(Form form, Member me) {
        String q = form.text("respondentQuery");
        if (q == null || q.length() < 2) {
            form.error("respondentQuery", "Type at least 2 letters of their name, or their membership number.");
            return List.of();
        }
        List<Choice> found = members(q.length() > 100 ? q.substring(0, 100) : q).stream()
                .map(s -> new Choice(s.membershipNumber(), s.displayName() + " (" + s.membershipNumber() + ")"))
                .toList();
        if (found.isEmpty()) {
            form.error("respondentQuery", "No member matches \u201c" + q + "\u201d. Check the spelling, or use their"
                    + " membership number.");
        }
        return found;
    }

    private FilePage filePage(Form form, List<Choice> found, LocalDate date) {
        String chosen = null;
        String number = form.text("respondent");
        if (number != null) {
            chosen = Member.byMembershipNumber(number).map(m -> m.displayName + " (" + m.membershipNumber + ")")
                    .orElse(null);
        }
        return new FilePage(definitions.pickers(date), found, chosen, form.text("respondentQuery"), evidence.notice(),
                time.today().toString(), evidenceConfig.maxFileBytes() / (1024 * 1024));
    }

    /** A date as the browser's date field sends it (yyyy-mm-dd), not in the future. */
    private LocalDate checkDate(Form form, String field) {
        String raw = form.text(field);
        if (raw == null) {
            form.error(field, "Give the date of the conduct.");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(raw);
            if (d.isAfter(time.today())) {
                form.error(field, "The date of the conduct cannot be in the future.");
                return null;
            }
            if (definitions.inForceOn(d).isEmpty()) {
                form.error(field, "Conduct before " + Formats.date(definitions.pickers(null).get(0).from())
                        + " predates the first published definition of abuse, so it cannot be the subject of a complaint.");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            form.error(field, "Give the date as day, month and year, for example " + Formats.date(time.today()) + ".");
            return null;
        }
    }
}
