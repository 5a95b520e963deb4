package org.evenhand.evidence;

import java.util.List;

/** Evidence as a member's form gives it: an excerpt, a link and/or a file, with the earlier messages. */
public record EvidenceInput(String text, String link, byte[] file, String filename, List<String> thread,
        boolean attested, String consentNotice) {
}
