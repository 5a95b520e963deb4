package org.evenhand.intake;

import java.time.Instant;

/**
 * The acknowledgement of a complaint: the case it is on (a new one, or, when others complained
 * about the same conduct, theirs), stage "Received" until the process has taken it up, and the
 * items of evidence stored with it: the excerpt ({@code evidenceId}) and the file ({@code fileEvidenceId}).
 */
public record ComplaintReceipt(String ref, String definitionVersion, String stage, Instant receivedAt,
        Long evidenceId, Long fileEvidenceId) {

    ComplaintReceipt withFile(long id) {
        return new ComplaintReceipt(ref, definitionVersion, stage, receivedAt, evidenceId, id);
    }
}
