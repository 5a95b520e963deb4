package org.evenhand.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A party's answers to the confidence survey, 1 (strongly disagree) to 5 (strongly agree), the same
 * from the page and the API. withFaction: count the answers under the faction the member has
 * declared (if any); without it, or without a declaration, no faction is recorded.
 */
public record SurveyAnswer(
        @NotNull(message = "choose how far you agree that you were heard, from 1 to 5")
        @Min(value = 1, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether you were heard")
        @Max(value = 5, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether you were heard")
        Integer heard,
        @NotNull(message = "choose how far you agree that the people handling the case were neutral, from 1 to 5")
        @Min(value = 1, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether the people handling the case were neutral")
        @Max(value = 5, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether the people handling the case were neutral")
        Integer neutral,
        @NotNull(message = "choose how far you agree that you were treated with respect, from 1 to 5")
        @Min(value = 1, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether you were treated with respect")
        @Max(value = 5, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether you were treated with respect")
        Integer respect,
        @NotNull(message = "choose how far you agree that you trust the outcome, from 1 to 5")
        @Min(value = 1, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether you trust the outcome")
        @Max(value = 5, message = "answer from 1 (strongly disagree) to 5 (strongly agree) whether you trust the outcome")
        Integer trust,
        Boolean withFaction) {

    /** The questions in the order of the survey and the report (also the columns of the answer tables). */
    static final java.util.List<String> QUESTIONS = java.util.List.of("heard", "neutral", "respect", "trust");

    int[] scores() {
        return new int[] { heard, neutral, respect, trust };
    }
}
