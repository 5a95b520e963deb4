-- The same item given twice by the same person on the same case is stored once (issue 16).
-- content_fingerprint is a keyed HMAC (evidence.Duplicates) of what was given, its kind, the case
-- and the giver: not a plain hash of personal data. It is cleared with the content when an item is
-- withdrawn or destroyed, so a sealed item no longer blocks, or reveals, anything.
ALTER TABLE evidence_items ADD COLUMN content_fingerprint TEXT;
CREATE UNIQUE INDEX evidence_items_given_once ON evidence_items (case_id, submitted_by, content_fingerprint)
    WHERE content_fingerprint IS NOT NULL;
