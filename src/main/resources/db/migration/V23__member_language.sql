-- The language a member chose to read their pages and letters in (decision 0036): a language tag of
-- quarkus.locales ("cy", "en-GB"). Null until they choose: their pages then follow their browser's
-- Accept-Language, and their letters go in en-GB.
ALTER TABLE members ADD COLUMN language TEXT;
