package org.evenhand.casework;

import jakarta.validation.constraints.NotNull;

/** Whether one cited clause of the definition was breached (in a vote, the panel member must say which). */
public record Finding(String clause, @NotNull(message = "{casework.finding.upheld}") Boolean upheld) {
}
