package org.evenhand.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * A use case checks the command it is given against the command record's own constraints (Bean
 * Validation, words in ValidationMessages.properties) before doing anything, whoever calls it: the
 * API resource and the page hand it the same record and get the same refusal, a
 * ConstraintViolationException whose paths name the record's properties.
 */
public final class Commands {

    private Commands() {
    }

    /** The command, if it holds every constraint of these groups (the default group when none are named). */
    public static <T> T valid(Validator validator, T command, Class<?>... groups) {
        Set<ConstraintViolation<T>> violations = validator.validate(command, groups);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return command;
    }
}
