package org.evenhand.evidence;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.CaseLetters;
import org.evenhand.casework.CaseViews;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;

/**
 * A file reaches a panel only as the caseworker decided (decision 0028): a redacted copy they
 * upload (checked as any upload is, FileInspector, and sealed like the original), or the file as
 * given where they confirm, with a reason, that it names or places no one. Until then a panel sees
 * the item as awaiting redaction and cannot open it. A decision may be made again (a better copy);
 * each lands on the case's staff timeline and the trail.
 */
@ApplicationScoped
public class Redactions {

    public static final String REDACTED = "redacted";
    public static final String NOT_NEEDED = "not-needed";

    /** The caseworker's word that a file needs no redaction, and why. */
    public record NotNeeded(@NotBlank(message = "{evidence.redaction.reason}")
            @Size(max = 2000, message = "{evidence.redaction.reason.size}") String reason) {
    }

    @Inject
    CaseViews views;
    @Inject
    FileInspector files;
    @Inject
    SubmissionRules rules;
    @Inject
    CaseVault vault;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    org.evenhand.trail.ActionTrail trail;

    /** 404 unless this caseworker handles the case (before an upload's parts are judged). */
    @Transactional
    public void requireHandler(String caseworker, String ref) {
        views.requireStaffAccess(caseworker, true, false, ref);
    }

    @Transactional
    public EvidenceRecords.View redactedCopy(String caseworker, String ref, long id, byte[] bytes) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        EvidenceItem item = fileInUse(c, id);
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.invalidField("file", "attach the redacted copy");
        }
        rules.checkFileSize(bytes.length);
        FileInspector.Inspected kept = files.inspect(bytes);
        item.redaction = REDACTED;
        item.redactedContent = vault.sealBytes(c.ref, kept.bytes());
        item.redactedMediaType = kept.mediaType();
        item.redactedSizeBytes = (long) kept.bytes().length;
        item.redactionReason = null;
        decided(c, item, caseworker, "evidence-redacted", "A redacted copy of evidence item " + id
                + " was prepared for the panel (" + kept.bytes().length + " bytes); the panel reads only that copy.");
        return EvidenceRecords.View.of(item, null);
    }

    @Transactional
    public EvidenceRecords.View notNeeded(String caseworker, String ref, long id, NotNeeded in) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        EvidenceItem item = fileInUse(c, id);
        item.redaction = NOT_NEEDED;
        item.redactedContent = null;
        item.redactedMediaType = null;
        item.redactedSizeBytes = null;
        item.redactionReason = vault.seal(c.ref, in.reason());
        decided(c, item, caseworker, "evidence-needs-no-redaction", "Evidence item " + id
                + " needs no redaction for the panel. Reason: " + in.reason());
        return EvidenceRecords.View.of(item, null);
    }

    /**
     * The redacted copy exactly as a panel member will read it, for a caseworker handling the case to check
     * (an original is theirs to read anyway); not found if the item has no redacted copy. The read is on the
     * trail, like every read of evidence.
     */
    @Transactional
    public EvidenceRecords.FileContent panelCopy(String caseworker, String ref, long id) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        EvidenceItem item = fileInUse(c, id);
        if (!REDACTED.equals(item.redaction) || item.redactedContent == null) {
            throw ProblemException.notFound("a redacted copy of evidence item " + id);
        }
        trail.record(caseworker, "evidence-read", c.ref, "item " + id + ": the panel's redacted copy, as caseworker");
        return new EvidenceRecords.FileContent(EvidenceRecords.blindName(item.id, item.redactedMediaType),
                item.redactedMediaType, vault.openBytes(c.ref, item.redactedContent));
    }

    private void decided(CaseFile c, EvidenceItem item, String caseworker, String kind, String summary) {
        item.redactionBy = caseworker;
        item.redactionAt = time.now();
        // on the staff timeline, and (CaseLetters) the trail
        letters.record(c, caseworker, kind, staff, summary);
    }

    private static EvidenceItem fileInUse(CaseFile c, long id) {
        EvidenceItem item = EvidenceItem.findById(id);
        if (item == null || !item.caseId.equals(c.id)) {
            throw ProblemException.notFound("evidence item " + id);
        }
        if (!"file".equals(item.kind)) {
            throw ProblemException.conflict("evidence item " + id + " is a " + item.kind + ": the panel reads it"
                    + " with names and places struck out, and it needs no redacted copy");
        }
        if (!item.inUse()) {
            throw ProblemException.conflict("evidence item " + id + " is no longer in use");
        }
        return item;
    }
}
