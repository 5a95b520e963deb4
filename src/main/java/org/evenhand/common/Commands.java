package org.evenhand.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * A use case checks the command it is given against the command's own rules (Bean Validation on the
 * record), so that the API and the pages, which both call it, refuse the same command in the same
 * words: the API as problem+json, a page next to the field the violation's path names.
 */
@ApplicationScoped
public class Commands {

    @Inject
    Validator validator;

    /** The command, if it keeps its rules; otherwise a ConstraintViolationException naming each field at fault. */
    public <T> T check(T command) {
        if (command == null) {
            throw ProblemException.badRequest("the request has no body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return command;
    }
}
