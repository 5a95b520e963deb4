package org.evenhand.casework;

/** Whether one cited clause of the definition was breached. */
public record Finding(String clause, boolean upheld) {
}
