package org.evenhand.evidence;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The letters evidence sends a party (templates/letters, first line the subject), each fed its typed model. */
@CheckedTemplate(basePath = "letters")
public class EvidenceLetters {

    /** What became of the case when the withdrawal came: not yet triaged, already decided, or ended. */
    public enum CaseState {
        NOT_TRIAGED, DECIDED, ENDED
    }

    public record ConsentWithdrawn(long item, CaseState state) {

        public boolean notTriaged() {
            return state == CaseState.NOT_TRIAGED;
        }

        public boolean decided() {
            return state == CaseState.DECIDED;
        }
    }

    /**
     * Evidence the complainant added after the allegation was put to the respondent, disclosed to them
     * (decision 0030). kind: excerpt, link or file.
     */
    public record EvidenceAdded(String kind, java.time.Instant givenAt) {
    }

    public static native TemplateInstance consentWithdrawn(ConsentWithdrawn m);

    public static native TemplateInstance evidenceAdded(EvidenceAdded m);
}
