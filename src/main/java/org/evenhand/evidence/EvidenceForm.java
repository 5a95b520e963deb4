package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.evenhand.web.Form;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The evidence fields of a member's form (filing a complaint, adding evidence) read into an {@link EvidenceInput}. */
@ApplicationScoped
public class EvidenceForm {

    @Inject
    EvidenceConfig config;

    /**
     * The evidence part of a form, checked: nothing given is fine; anything given needs the
     * attestation and the consent.
     */
    public EvidenceInput read(Form form, FileUpload file, String textField, String linkField) {
        String text = form.text(textField);
        String link = linkField == null ? null : form.text(linkField);
        byte[] bytes = null;
        String name = null;
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            if (file.size() > config.maxFileBytes()) {
                form.error("evidenceFile", "The file is " + org.evenhand.casework.CaseDisplay.size(file.size()) + "; files can be at most "
                        + config.maxFileBytes() / (1024 * 1024) + " MB.");
            } else if (file.size() == 0) {
                form.error("evidenceFile", "The file is empty.");
            } else {
                try {
                    bytes = Files.readAllBytes(file.uploadedFile());
                    name = file.fileName();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (text != null && text.length() > 20000) {
            form.error(textField, "Keep an excerpt to 20,000 characters, or give a screenshot or PDF instead.");
        }
        if (link != null && !link.matches("https?://\\S+")) {
            form.error(linkField, "Give a web address starting with https:// or http://.");
        }
        boolean any = text != null || link != null || bytes != null || form.invalid("evidenceFile");
        List<String> thread = org.evenhand.casework.CaseDisplay.paragraphs(form.text("evidenceThread"));
        if (any) {
            if (!form.ticked("attest")) {
                form.error("attest", "Confirm that you took part in this exchange, or that it was addressed to you.");
            }
            if (!form.ticked("consent")) {
                form.error("consent", "Give your consent to the use of this evidence as the notice describes, or"
                        + " leave the evidence out.");
            }
            if (thread.size() > org.evenhand.common.FieldLimits.THREAD_MESSAGES) {
                form.error("evidenceThread", "Give at most " + org.evenhand.common.FieldLimits.THREAD_MESSAGES + " earlier messages.");
            }
        } else if (!thread.isEmpty()) {
            form.error("evidenceThread", "You gave earlier messages but no excerpt, link or file for them to go with.");
        }
        if (!any) {
            return null;
        }
        return new EvidenceInput(text, link, bytes, name, thread, form.ticked("attest"),
                form.ticked("consent") ? form.value("consent") : null);
    }
}
