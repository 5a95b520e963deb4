package org.evenhand.intake;

import java.time.Instant;

public record ComplaintReceipt(String ref, String definitionVersion, String stage, Instant receivedAt) {
}
