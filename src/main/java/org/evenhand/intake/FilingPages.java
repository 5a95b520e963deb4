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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.AnonymityGround;
import org.evenhand.common.FieldLimits;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.evenhand.definition.Definitions;
import org.evenhand.evidence.EvidenceConfig;
import org.evenhand.evidence.EvidenceForm;
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
            String searched, EvidenceRecords.ConsentNotice notice, String today, long maxFileMb,
            EvidenceForm.Names fields, List<Choice> grounds, int anonymityLimit) {
    }

    /** The grounds for anonymity, in the complainant's words. */
    static final List<Choice> GROUNDS = java.util.Arrays.stream(AnonymityGround.values())
            .map(g -> new Choice(g.code(), g.words())).toList();

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
    @Inject
    IntakeWords words;

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
    public Response fileComplaint(@RestForm String action, @RestForm("file") FileUpload file) {
        Member me = user.requireMember();
        Form form = Form.of(UploadParts.textFields());
        if ("find".equals(action)) {
            form.set(RESPONDENT, null);
            List<Choice> found = find(form, me);
            return Html.ok(Templates.file(filePage(form, found, null), form));
        }
        LocalDate date = date(form);
        EvidenceForm.Given given = evidenceForm.read(form, file, EvidenceForm.FILING, false, false);
        ComplaintRequest request = new ComplaintRequest(form.text(RESPONDENT), date, form.values("clauses"),
                form.text("allegation"), form.text("conductLink"), given.evidence(), anonymity(form));
        try {
            UploadParts.requireOneFileAt("file"); // one file, in the file field: said beside it
            String ref = filing.file(me, request, given.file()).ref();
            return Html.seeOther("/me/cases/" + ref + "?done=filed");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            form.reject(e, "allegation");
        }
        evidenceForm.askForTheFileAgain(form, file);
        List<Choice> found = form.text("respondentQuery") != null && form.text(RESPONDENT) == null ? find(form, me)
                : List.of();
        return Html.page(400, Templates.file(filePage(form, found, date), form));
    }

    /**
     * The request for anonymity: when the box is ticked, and also when a reason was chosen or typed without
     * it (never named by mistake: the command then says what else it needs); none otherwise.
     */
    private static ComplaintRequest.AnonymityRequest anonymity(Form form) {
        if (!form.ticked("anonymity.asked") && form.text("anonymity.ground") == null
                && form.text("anonymity.reasons") == null) {
            return null;
        }
        return new ComplaintRequest.AnonymityRequest(AnonymityGround.of(form.text("anonymity.ground")),
                form.text("anonymity.reasons"));
    }

    /** The respondent field: the command's property, filled by the member picker. */
    static final String RESPONDENT = "respondentMembershipNumber";

    /** The members the search box finds (never yourself); what is wrong with the search, next to the box. */
    private List<Choice> find(Form form, Member me) {
        String q = form.text("respondentQuery");
        if (q == null) {
            form.error("respondentQuery", words.searchHowTo());
            return List.of();
        }
        List<Choice> found;
        try {
            found = members(q).stream()
                    .map(s -> new Choice(s.membershipNumber(), s.displayName() + " (" + s.membershipNumber() + ")"))
                    .toList();
        } catch (ProblemException tooShortOrLong) {
            form.error("respondentQuery", words.searchHowTo());
            return List.of();
        }
        if (found.isEmpty()) {
            form.error("respondentQuery", words.noMatch(q));
        }
        return found;
    }

    private FilePage filePage(Form form, List<Choice> found, LocalDate date) {
        String chosen = null;
        String number = form.text(RESPONDENT);
        if (number != null) {
            chosen = Member.byMembershipNumber(number).map(m -> m.displayName + " (" + m.membershipNumber + ")")
                    .orElse(null);
        }
        return new FilePage(definitions.pickers(date), found, chosen, form.text("respondentQuery"), evidence.notice(),
                time.today().toString(), evidenceConfig.maxFileBytes() / (1024 * 1024), EvidenceForm.FILING, GROUNDS,
                FieldLimits.ANONYMITY_REASONS);
    }

    /**
     * The date as the browser's date field sends it (yyyy-mm-dd), or null: none given (the complaint
     * says so) or one that cannot be read (said here, since the command only ever holds a date).
     */
    private LocalDate date(Form form) {
        String raw = form.text("conductDate");
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            form.error("conductDate", words.dateAsDayMonthYear(time.today()));
            return null;
        }
    }
}
