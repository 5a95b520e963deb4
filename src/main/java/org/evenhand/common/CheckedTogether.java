package org.evenhand.common;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A command whose fields are checked together: the rules that join two fields ("in scope needs a
 * clause") are written once, on the record, in {@link Rules#check}, and Bean Validation reports them
 * like any other constraint, at the path of the field at fault ("clauses", "lawfulBases[1].reason")
 * and in the words of ValidationMessages.properties. The API and the pages therefore refuse the same
 * command with the same message next to the same field.
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = CheckedTogether.Check.class)
public @interface CheckedTogether {

    /** Never shown: every refusal names its own field and message. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The record's rules across its fields. */
    interface Rules {

        void check(Refusals refuse);
    }

    /** Where a rule across fields refuses the command: a field (or a field of one list entry) and a message key. */
    final class Refusals {

        private final HibernateConstraintValidatorContext context;
        private boolean any;

        Refusals(ConstraintValidatorContext context) {
            this.context = context.unwrap(HibernateConstraintValidatorContext.class);
            this.context.disableDefaultConstraintViolation();
        }

        /** The field {@code property} is at fault; {@code message} is a "{key}" of ValidationMessages.properties. */
        public void at(String property, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(property).addConstraintViolation();
            any = true;
        }

        /** The field {@code property} is at fault; {@code item} fills "{item}" in the message. */
        public void at(String property, String message, Object item) {
            context.addMessageParameter("item", item == null ? "" : item);
            at(property, message);
        }

        /**
         * The field {@code property} of entry {@code index} of the list {@code list} is at fault
         * ("lawfulBases[1].reason"); {@code item} fills "{item}" in the message.
         */
        public void at(String list, int index, String property, String message, Object item) {
            context.addMessageParameter("item", item == null ? "" : item);
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(list).addPropertyNode(property)
                    .inIterable().atIndex(index).addConstraintViolation();
            any = true;
        }

        boolean any() {
            return any;
        }
    }

    /** Runs a record's {@link Rules}. */
    class Check implements ConstraintValidator<CheckedTogether, Rules> {

        @Override
        public boolean isValid(Rules value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Refusals refusals = new Refusals(context);
            value.check(refusals);
            return !refusals.any();
        }
    }
}
