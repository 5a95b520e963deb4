-- Publishing a new version of the definition of abuse from the pages (issue 17, decision 0040).
--
-- A version the NEC publishes sits in definition_versions beside the repository's seeds, with the
-- canonical text it was frozen as (the YAML a repository file would hold) and that text's SHA-256.
-- Two members of the NEC took part: one asked for approval, another approved. Such a row never
-- changes and is never deleted; nor does a draft once published or discarded.

ALTER TABLE definition_versions
    ADD COLUMN source TEXT NOT NULL DEFAULT 'repository' CHECK (source IN ('repository', 'published')),
    ADD COLUMN content TEXT,
    ADD COLUMN published_at TIMESTAMPTZ,
    ADD COLUMN proposed_by TEXT,
    ADD COLUMN approved_by TEXT;
ALTER TABLE definition_versions ADD CONSTRAINT definition_versions_published_in_full CHECK (
    (source = 'repository' AND content IS NULL AND approved_by IS NULL)
    OR (source = 'published' AND content IS NOT NULL AND published_at IS NOT NULL AND proposed_by IS NOT NULL
        AND approved_by IS NOT NULL AND approved_by <> proposed_by));

CREATE FUNCTION evenhand_published_definition_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.source = 'published' OR (TG_OP = 'UPDATE' AND (NEW.source IS DISTINCT FROM OLD.source
            OR NEW.content IS DISTINCT FROM OLD.content)) THEN
        RAISE EXCEPTION '% of definition version % refused: a published version never changes; publish a new one',
            TG_OP, OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER definition_versions_published_frozen BEFORE UPDATE OR DELETE ON definition_versions
    FOR EACH ROW EXECUTE FUNCTION evenhand_published_definition_frozen();
CREATE TRIGGER definition_versions_no_truncate BEFORE TRUNCATE ON definition_versions
    FOR EACH STATEMENT EXECUTE FUNCTION evenhand_append_only();

-- The NEC's work in progress: a copy of the latest published version, edited, proposed with an
-- effective date, then published (or discarded). revision counts the saves, so that a save made
-- on a copy someone else has since changed is refused rather than lost.
CREATE TABLE definition_drafts (
    id                 BIGSERIAL PRIMARY KEY,
    based_on           TEXT NOT NULL REFERENCES definition_versions (id),
    state              TEXT NOT NULL CHECK (state IN ('editing', 'proposed', 'published', 'discarded')),
    revision           BIGINT NOT NULL DEFAULT 0,
    content            JSONB NOT NULL,
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_by         TEXT NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    effective_from     DATE,
    proposed_by        TEXT,
    proposed_at        TIMESTAMPTZ,
    published_version  TEXT REFERENCES definition_versions (id),
    closed_by          TEXT,
    closed_at          TIMESTAMPTZ,
    CHECK (state <> 'proposed' OR (effective_from IS NOT NULL AND proposed_by IS NOT NULL)),
    CHECK ((state = 'published') = (published_version IS NOT NULL))
);
CREATE INDEX definition_drafts_open_idx ON definition_drafts (state) WHERE state IN ('editing', 'proposed');

CREATE FUNCTION evenhand_closed_draft_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state IN ('published', 'discarded') THEN
        RAISE EXCEPTION '% of definition draft % refused: it is %, and never changes', TG_OP, OLD.id, OLD.state
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER definition_drafts_closed_frozen BEFORE UPDATE OR DELETE ON definition_drafts
    FOR EACH ROW EXECUTE FUNCTION evenhand_closed_draft_frozen();

-- The application's role (V5) gets the default DML grants on new tables; it never changes or
-- deletes a version (seeds are only inserted, publications only inserted).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'evenhand_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON definition_drafts TO evenhand_app;
        REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON definition_versions FROM evenhand_app;
        GRANT SELECT, INSERT ON definition_versions TO evenhand_app;
    END IF;
END
$$;
