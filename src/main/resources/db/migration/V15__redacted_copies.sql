-- Blind for real (issue 14, decision 0028): a file reaches a panel only as a redacted copy the
-- caseworker prepared, or as given where the caseworker confirmed, with a reason, that it needs
-- none. The copy is sealed under the case's key like the original and goes with it (withdrawal,
-- retention, erasure, crypto-shredding).
ALTER TABLE evidence_items
    ADD COLUMN redaction            TEXT CHECK (redaction IN ('redacted', 'not-needed')),
    ADD COLUMN redacted_content     BYTEA,   -- sealed; NULL unless redacted, and once the item is sealed
    ADD COLUMN redacted_media_type  TEXT,
    ADD COLUMN redacted_size_bytes  BIGINT,
    ADD COLUMN redaction_reason     TEXT,    -- sealed: why no redaction was needed, or what was struck
    ADD COLUMN redaction_by         TEXT,
    ADD COLUMN redaction_at         TIMESTAMPTZ,
    ADD CONSTRAINT evidence_redaction_is_for_files CHECK (redaction IS NULL OR kind = 'file');
