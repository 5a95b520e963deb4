package org.evenhand.intake;

import java.time.Instant;

/**
 * The acknowledgement of a complaint: the case it is on (a new one, or, when others complained
 * about the same conduct, theirs), stage "Received" until the process has taken it up.
 */
public record ComplaintReceipt(String ref, String definitionVersion, String stage, Instant receivedAt,
        Long evidenceId) {
}
