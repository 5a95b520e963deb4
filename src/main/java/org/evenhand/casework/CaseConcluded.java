package org.evenhand.casework;

import java.time.Instant;

/** Fired, inside the closing transaction, when a case ends: dismissed at triage or closed. */
public record CaseConcluded(String ref, Long caseId, CaseFile.Outcome outcome, Instant at) {
}
