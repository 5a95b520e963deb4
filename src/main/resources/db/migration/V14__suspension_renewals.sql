-- Bounded interim suspension (decision 0026): each term's end, never past the maximum from imposition.
-- Renewals are already counted in interim_suspensions.renewals.
ALTER TABLE interim_suspensions ADD COLUMN ends_at TIMESTAMPTZ;
