package org.evenhand.definition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One published version of the definition of abuse, exactly as in its YAML file. */
public record DefinitionVersion(
        String id,
        String title,
        LocalDate effectiveFrom,
        LocalDate publishedAt,
        List<String> summaryOfChanges,
        String introduction,
        List<Clause> clauses,
        List<Factor> factors,
        List<NotAbuse> notAbuse,
        List<Sanction> sanctions,
        Map<String, List<String>> tierSanctions) {

    public record Clause(String id, String title, String test, int tier, List<String> breachExamples,
            List<String> notBreachExamples, List<String> aggravating, List<String> mitigating) {
    }

    public record Factor(String id, String kind, String title, String description) {
    }

    public record NotAbuse(String id, String title, String description, List<String> examples) {
    }

    public record Sanction(String id, int rung, String title, String description, Integer expiresAfterMonths,
            Integer maxMonths) {
    }

    public Optional<Clause> clause(String clauseId) {
        return clauses.stream().filter(c -> c.id().equals(clauseId)).findFirst();
    }

    public Optional<Sanction> sanction(String sanctionId) {
        return sanctions.stream().filter(s -> s.id().equals(sanctionId)).findFirst();
    }

    public Optional<Factor> factor(String factorId) {
        return factors.stream().filter(f -> f.id().equals(factorId)).findFirst();
    }

    /** The sanctions the ladder allows for a clause of this tier. */
    public List<String> sanctionsForTier(int tier) {
        return tierSanctions.getOrDefault(Integer.toString(tier), List.of());
    }
}
