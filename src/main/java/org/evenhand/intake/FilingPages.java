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
import org.evenhand.casework.CaseDisplay;
import org.evenhand.common.FieldLimits;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.evidence.EvidenceFile;
import org.evenhand.evidence.HeldFiles;
import org.evenhand.web.PageLanguage;
import org.evenhand.web.Words;
import org.evenhand.definition.Definitions;
import org.evenhand.evidence.EvidenceConfig;
import org.evenhand.evidence.EvidenceForm;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.evidence.UploadParts;
import org.evenhand.identity.MemberDirectory;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Filing a complaint from the member's pages: the form, the picker for the respondent, the check page
 * before it is sent (with the file held for it, decision 0037), and the filing itself, once.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class FilingPages {

    public record Choice(String value, String label) {
    }

    public record FilePage(List<Definitions.VersionClauses> versions, List<Choice> found, String chosenLabel,
            String searched, EvidenceRecords.ConsentNotice notice, String today, long maxFileMb,
            EvidenceForm.Names fields, List<Choice> grounds, int anonymityLimit, HeldFiles.Held held) {

        /** A member has been chosen from the search. */
        public boolean chosen() {
            return chosenLabel != null;
        }
    }

    /** The grounds for anonymity, in the complainant's words. */
    static final List<Choice> GROUNDS = java.util.Arrays.stream(AnonymityGround.values())
            .map(g -> new Choice(g.code(), g.words())).toList();

    /**
     * The complaint as its check page shows it before it is sent (decision 0037): the member complained
     * about, the date and the clauses in words, everything typed as typed, the file held for it by name.
     */
    public record ReviewPage(String respondent, String conductDate, String version,
            List<Definitions.ClauseOption> clauses, String allegation, String conductLink, String excerpt,
            List<String> thread, HeldFiles.Held file, String fileSize, boolean evidence, boolean attested, boolean consented,
            String noticeVersion, String anonymityGround, String anonymityReasons) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance file(FilePage page, Form form);

        static native TemplateInstance review(ReviewPage page, Form form);
    }

    @Inject
    FilingWithEvidence filing;
    @Inject
    FilingOnce once;
    @Inject
    HeldFiles heldFiles;
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
    PageLanguage language;

    /** The form's own refusals, in the page's language. */
    private IntakeWords words() {
        return Words.in(IntakeWords.class, language.locale());
    }

    // ------------------------------------------------------------ filing a complaint

    @GET
    @Path("/complaints/new")
    @Operation(hidden = true)
    public Response newComplaint() {
        return Html.ok(Templates.file(filePage(Form.empty(), List.of(), null, null), Form.empty()));
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

    /**
     * Sends the complaint, once: from its check page (the file held while it was checked comes with it),
     * or straight from the form. The same complaint sent again within the day leads to its case.
     */
    @POST
    @Path("/complaints/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response fileComplaint(@RestForm String action, @RestForm("file") FileUpload file) {
        Member me = user.requireMember();
        Form form = Form.of(UploadParts.textFields());
        if ("find".equals(action)) {
            return found(form, me);
        }
        EvidenceFile chosen = EvidenceFile.chosen(file);
        Typed typed = read(form, chosen != null || form.text(HELD) != null);
        try {
            UploadParts.requireOneFileAt("file"); // one file, in the file field: said beside it
            FilingOnce.Sent sent = once.file(me, typed.request(), chosen, form.text(HELD));
            return Html.seeOther("/me/cases/" + sent.ref() + "?done=" + (sent.before() ? "sent-before" : "filed"));
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            form.reject(e, "allegation");
        }
        return refused(form, file, typed, me);
    }

    /**
     * The check before sending (decision 0037): the complaint checked exactly as sending it would check
     * it, storing nothing but the file chosen (checked as it will be when given, then held for an hour so
     * that it need not be chosen again); shown as it will be sent, with a way back to change each answer.
     * A refused complaint is the form again, with its errors.
     */
    @POST
    @Path("/complaints/new/review")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response review(@RestForm String action, @RestForm("file") FileUpload file) {
        Member me = user.requireMember();
        Form form = Form.of(UploadParts.textFields());
        if ("find".equals(action)) {
            return found(form, me);
        }
        EvidenceFile chosen = EvidenceFile.chosen(file);
        Typed typed = read(form, chosen != null || form.text(HELD) != null && !form.ticked(RELEASE));
        HeldFiles.Held held = null;
        try {
            UploadParts.requireOneFileAt("file");
            held = hold(form, chosen, me);
            if (form.changing() != null) {
                return Html.ok(Templates.file(filePage(form, List.of(), typed.date(), held), form));
            }
            filing.check(me, typed.request(), held != null);
            if (!form.hasErrors()) {
                return Html.ok(Templates.review(reviewPage(form, typed, held), form));
            }
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            form.reject(e, "allegation");
        }
        return refused(form, held == null ? file : null, typed, me, held);
    }

    /** The form as typed, read into the command it stands for (nothing judged here: the use case says what is wrong). */
    private record Typed(ComplaintRequest request, LocalDate date) {
    }

    /** {@code withFile}: a file goes with the complaint (chosen now, or held), so its evidence fields are needed. */
    private Typed read(Form form, boolean withFile) {
        LocalDate date = date(form);
        EvidenceForm.Given given = evidenceForm.read(form, null, EvidenceForm.FILING, false, withFile);
        ComplaintRequest request = new ComplaintRequest(form.text(RESPONDENT), date, form.values("clauses"),
                form.text("allegation"), form.text("conductLink"), given.evidence(), anonymity(form));
        return new Typed(request, date);
    }

    /** The field of the token of a file held for the complaint while it is checked, and the box that lets it go. */
    static final String HELD = "heldFile";
    static final String RELEASE = "heldFile.remove";

    /**
     * The file for the complaint: a file just chosen is checked and held (replacing one held before); one
     * held before stays held unless the member let it go; a token no longer held is said beside the field.
     */
    private HeldFiles.Held hold(Form form, EvidenceFile chosen, Member me) {
        String token = form.text(HELD);
        if (token != null && (chosen != null || form.ticked(RELEASE))) {
            heldFiles.release(me, token);
            token = null;
        }
        form.set(RELEASE, null);
        HeldFiles.Held held = chosen != null ? heldFiles.hold(me, chosen)
                : token == null ? null : heldFiles.find(me, token).orElse(null);
        if (token != null && held == null) {
            form.error("file", Words.in(FilingReviewWords.class, language.locale()).fileNoLongerHeld());
        }
        form.set(HELD, held == null ? null : held.token());
        return held;
    }

    private Response found(Form form, Member me) {
        form.set(RESPONDENT, null);
        List<Choice> found = find(form, me);
        return Html.ok(Templates.file(filePage(form, found, null, heldFiles.find(me, form.text(HELD)).orElse(null)), form));
    }

    private Response refused(Form form, FileUpload file, Typed typed, Member me) {
        return refused(form, file, typed, me, heldFiles.find(me, form.text(HELD)).orElse(null));
    }

    /** The form again with what is wrong; a file not held must be chosen again (a browser never keeps it). */
    private Response refused(Form form, FileUpload file, Typed typed, Member me, HeldFiles.Held held) {
        if (held == null) {
            evidenceForm.askForTheFileAgain(form, file);
        }
        List<Choice> found = form.text("respondentQuery") != null && form.text(RESPONDENT) == null ? find(form, me)
                : List.of();
        return Html.page(400, Templates.file(filePage(form, found, typed.date(), held), form));
    }

    private ReviewPage reviewPage(Form form, Typed typed, HeldFiles.Held held) {
        ComplaintRequest in = typed.request();
        DefinitionVersion v = definitions.inForceOn(in.conductDate()).orElseThrow();
        EvidenceRecords.Evidence e = in.evidence();
        String ground = in.anonymity() == null ? null : GROUNDS.stream()
                .filter(g -> g.value().equals(in.anonymity().ground().code())).map(Choice::label).findFirst().orElse(null);
        return new ReviewPage(respondentLabel(in.respondentMembershipNumber()), Formats.date(in.conductDate()), v.id(),
                definitions.clauses(v, in.clauses().stream().map(String::strip).distinct().toList()), in.allegation(),
                in.conductLink(), e == null ? null : e.text(), e == null ? List.of() : e.thread(), held,
                held == null ? null : CaseDisplay.size(held.sizeBytes()), e != null,
                e != null && Boolean.TRUE.equals(e.attestPartyToExchange()), e != null && e.consent() != null,
                evidence.notice().version(), ground, in.anonymity() == null ? null : in.anonymity().reasons());
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
            form.error("respondentQuery", words().searchHowTo());
            return List.of();
        }
        List<Choice> found;
        try {
            found = members(q).stream()
                    .map(s -> new Choice(s.membershipNumber(), s.displayName() + " (" + s.membershipNumber() + ")"))
                    .toList();
        } catch (ProblemException tooShortOrLong) {
            form.error("respondentQuery", words().searchHowTo());
            return List.of();
        }
        if (found.isEmpty()) {
            form.error("respondentQuery", words().noMatch(q));
        }
        return found;
    }

    private FilePage filePage(Form form, List<Choice> found, LocalDate date, HeldFiles.Held held) {
        String number = form.text(RESPONDENT);
        return new FilePage(definitions.pickers(date), found, number == null ? null : respondentLabel(number),
                form.text("respondentQuery"), evidence.notice(), time.today().toString(),
                evidenceConfig.maxFileBytes() / (1024 * 1024), EvidenceForm.FILING, GROUNDS,
                FieldLimits.ANONYMITY_REASONS, held);
    }

    /** "Carol Chowdhury (M100003)", or null for no member. */
    private static String respondentLabel(String number) {
        return Member.byMembershipNumber(number.strip()).map(m -> m.displayName + " (" + m.membershipNumber + ")")
                .orElse(null);
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
            form.error("conductDate", words().dateAsDayMonthYear(time.today()));
            return null;
        }
    }
}
