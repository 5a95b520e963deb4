-- Trust under attack (issue 7): trail anchors, interference records, append-only tables and the
-- application's database role. See docs/security.md and docs/decisions/0007-*.md.

-- Head hashes of the action trail, exported periodically (also to a file outside the database
-- and to the log) so that a truncated or rewritten trail no longer matches them.
CREATE TABLE trail_anchors (
    id           BIGSERIAL PRIMARY KEY,
    entry_id     BIGINT NOT NULL,
    entry_hash   TEXT NOT NULL,
    entries      BIGINT NOT NULL,
    anchored_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX trail_anchors_entry_idx ON trail_anchors (entry_id);

-- Contact about a case from an office-holder or member of staff outside the case's handlers,
-- recorded by the handler who was contacted: who, when, how and what was asked.
CREATE TABLE interference_records (
    id                BIGSERIAL PRIMARY KEY,
    case_id           BIGINT NOT NULL REFERENCES cases (id),
    recorded_by       TEXT NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    contact_name      TEXT NOT NULL,
    contact_role      TEXT NOT NULL,
    contact_kind      TEXT NOT NULL CHECK (contact_kind IN ('office-holder', 'staff')),
    contacted_at      TIMESTAMPTZ NOT NULL,
    channel           TEXT NOT NULL CHECK (channel IN ('in-person', 'phone', 'email', 'message', 'letter', 'other')),
    asked             TEXT NOT NULL,
    handler_response  TEXT
);
CREATE INDEX interference_case_idx ON interference_records (case_id, id);
CREATE INDEX interference_contacted_idx ON interference_records (contacted_at);

-- Append-only tables: no row may be changed or removed, whoever asks, short of disabling the
-- trigger (table owner) or replication mode (superuser) -- which the trail's hash chain and its
-- exported anchors then reveal.
CREATE FUNCTION evenhand_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER trail_entries_append_only BEFORE UPDATE OR DELETE ON trail_entries
    FOR EACH ROW EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER trail_entries_no_truncate BEFORE TRUNCATE ON trail_entries
    FOR EACH STATEMENT EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER trail_anchors_append_only BEFORE UPDATE OR DELETE ON trail_anchors
    FOR EACH ROW EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER trail_anchors_no_truncate BEFORE TRUNCATE ON trail_anchors
    FOR EACH STATEMENT EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER interference_records_append_only BEFORE UPDATE OR DELETE ON interference_records
    FOR EACH ROW EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER interference_records_no_truncate BEFORE TRUNCATE ON interference_records
    FOR EACH STATEMENT EXECUTE FUNCTION evenhand_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON trail_entries, trail_anchors, interference_records FROM PUBLIC;

-- The role the application runs as in production (a login role that is a member of evenhand_app,
-- never the owner of these tables): full DML on the case tables, SELECT and INSERT only on the
-- append-only ones. Created here when the migrating role may create roles; scripts/db-roles.sh
-- creates it (and the login roles) where it may not. Role names are cluster-wide, so several
-- databases on one server share it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'evenhand_app') THEN
        BEGIN
            CREATE ROLE evenhand_app NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another database's migration
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'cannot create role evenhand_app here; run scripts/db-roles.sh as an administrator';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'evenhand_app') THEN
        GRANT USAGE ON SCHEMA public TO evenhand_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO evenhand_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO evenhand_app;
        REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES
            ON trail_entries, trail_anchors, interference_records FROM evenhand_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM evenhand_app;
        -- tables later migrations create get the same DML grants; append-only ones must REVOKE as above
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO evenhand_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO evenhand_app;
    END IF;
END
$$;
