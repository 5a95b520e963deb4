package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.evenhand.casework.CaseDisplay;
import org.evenhand.evidence.EvidenceRecords.Evidence;
import org.evenhand.web.Form;
import org.evenhand.web.Words;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The evidence fields of a member's form (filing a complaint, adding evidence) read into the command
 * they stand for, without judging them: the fields are named after the command's properties (with a
 * prefix on the filing form, "evidence.text"), the file field is "file", and the use case says what
 * is wrong.
 */
@ApplicationScoped
public class EvidenceForm {


    /** The names of the evidence fields on a form: the command's property paths under a prefix ("evidence." when filing). */
    public record Names(String text, String threadContext, String attestPartyToExchange, String consent) {

        public static Names under(String prefix) {
            return new Names(prefix + "text", prefix + "threadContext", prefix + "attestPartyToExchange",
                    prefix + "consent");
        }
    }

    /** The filing form's: the complaint's evidence. */
    public static final Names FILING = Names.under("evidence.");
    /** The evidence form's on a case: the evidence itself. */
    public static final Names ON_A_CASE = Names.under("");

    /** What the evidence part of a form gives: the evidence (null when none was given and none is needed), a link, a file. */
    public record Given(Evidence evidence, String link, EvidenceFile file) {
    }

    /**
     * The evidence fields with these names: the excerpt, the earlier messages (a paragraph each),
     * the attestation and consent boxes; a link ({@code url}) when the form has one, and the file.
     * With {@code needed} false and nothing given, there is no evidence (ticked boxes alone give none).
     */
    public Given read(Form form, FileUpload upload, Names names, boolean withLink, boolean needed) {
        String text = form.text(names.text());
        List<String> thread = CaseDisplay.paragraphs(form.text(names.threadContext()));
        String link = withLink ? form.text("url") : null;
        EvidenceFile file = EvidenceFile.chosen(upload);
        if (!needed && text == null && thread.isEmpty() && link == null && file == null) {
            return new Given(null, null, null);
        }
        Boolean attested = form.ticked(names.attestPartyToExchange()) ? Boolean.TRUE : null;
        EvidenceRecords.Consent consent = form.ticked(names.consent())
                ? new EvidenceRecords.Consent(form.value(names.consent()), EvidenceService.PURPOSE)
                : null;
        return new Given(new Evidence(text, thread, attested, consent), link, file);
    }

    /** After a refused form: a browser never keeps a chosen file, so the page asks for it again (unless the file was refused). */
    public void askForTheFileAgain(Form form, FileUpload upload) {
        if (upload != null && upload.fileName() != null && !upload.fileName().isBlank()) {
            form.error("file", Words.current(EvidenceWords.class).chooseAgain(upload.fileName()));
        }
    }
}
