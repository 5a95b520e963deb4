package org.evenhand.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The fairness audit's settings (README, "Configuration"). */
@ConfigMapping(prefix = "evenhand.audit")
public interface AuditConfig {

    /** Factions a member may declare; "prefer-not-to-say" is always offered as well. */
    @WithDefault("left,soft-left,centre,right")
    List<String> factions();

    /** The privacy notice a member consents to when declaring a faction. */
    Notice notice();

    interface Notice {
        /** Bump this when the text changes: consent is recorded against the version read. */
        @WithDefault("2026-1")
        String version();

        @WithDefault("fairness-audit")
        String purpose();
    }

    /** Counts under this are suppressed in every output (national statistics practice: 10). */
    @WithDefault("10")
    int suppressionThreshold();

    /** Fewest cases on each side of a comparison before any call is made. */
    @WithDefault("30")
    int minimumGroupSize();

    @WithDefault("0.8")
    double bandLower();

    @WithDefault("1.25")
    double bandUpper();

    @WithDefault("0.95")
    double confidence();

    /** A complaint by B about A received within this many days of A's complaint about B is a counter-complaint... */
    @WithDefault("14")
    int counterWindowDays();

    /** ...when the conduct complained of is this close in days (the same exchange). */
    @WithDefault("3")
    int conductWindowDays();

    /** Clauses about protected characteristics, compared for handling time against the others. */
    @WithDefault("hateful-language")
    List<String> protectedCharacteristicClauses();

    /** When the quarterly report is made (Quartz cron; "off" disables it). Default: 06:00 on the first day of each quarter. */
    @WithDefault("0 0 6 1 1,4,7,10 ?")
    String quarterlyCron();

    /** PostgreSQL work_mem for the report's aggregation (per sort or hash). */
    @WithDefault("64MB")
    String workMem();

    /** The confidence survey (docs/data-protection/confidence-survey.md). */
    Survey survey();

    interface Survey {
        /** How long a party may answer after their case ends; the invitation is deleted after that. */
        @WithDefault("60")
        int invitationDays();

        /** How long answers are kept, in years after the quarter they were given in. */
        @WithDefault("6")
        int answersKeptYears();

        /** Answers wait, unmixed, until at least this many have come in; then they are moved together in random order. */
        @WithDefault("10")
        int mixAt();

        /** How often to look for answers to mix ("off" disables it). */
        @WithDefault("10m")
        String mixEvery();

        /** When expired invitations and old answers are deleted (Quartz cron; "off" disables it). */
        @WithDefault("0 30 3 * * ?")
        String purgeCron();
    }
}
