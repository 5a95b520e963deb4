-- Triage records which protected characteristic (Equality Act 2010, s. 4) a complaint about
-- hateful language concerns, so that the fairness audit can compare handling times across them
-- (issue 13). Optional: NULL when none applies or triage did not say.
ALTER TABLE cases ADD COLUMN protected_characteristic TEXT
    CHECK (protected_characteristic IN ('age', 'disability', 'gender-reassignment', 'marriage-civil-partnership',
                                        'pregnancy-maternity', 'race', 'religion-belief', 'sex',
                                        'sexual-orientation'));
