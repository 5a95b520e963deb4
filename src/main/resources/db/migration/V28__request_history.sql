-- Subject access and erasure requests keep their history (issue 17, decision 0041).

-- How a request reached the party: online (the member, signed in) or by post (recorded by the DPO on
-- the member's behalf, with the day the letter arrived as the day it was received), and who recorded it.
ALTER TABLE subject_access_requests
    ADD COLUMN received_via TEXT NOT NULL DEFAULT 'online' CHECK (received_via IN ('online', 'post')),
    ADD COLUMN recorded_by  TEXT,
    ADD COLUMN recorded_at  TIMESTAMPTZ,
    -- what the answer withheld, and under which exemption: a JSON list of {caseRef, what, exemption}
    -- (codes, never names), taken from the pack's index when the DPO marked the request answered
    ADD COLUMN withheld     JSONB;
ALTER TABLE erasure_requests
    ADD COLUMN received_via TEXT NOT NULL DEFAULT 'online' CHECK (received_via IN ('online', 'post')),
    ADD COLUMN recorded_by  TEXT,
    ADD COLUMN recorded_at  TIMESTAMPTZ;

CREATE INDEX subject_access_requests_by_member ON subject_access_requests (member_id, requested_at);
CREATE INDEX erasure_requests_by_member ON erasure_requests (member_id, requested_at);
CREATE INDEX subject_access_requests_answered ON subject_access_requests (fulfilled_at DESC)
    WHERE fulfilled_at IS NOT NULL;

-- Proof of compliance (retention schedule: 6 years): an answered or decided request is never changed,
-- and no request is removed within 6 years of being received. One function per table: PL/pgSQL
-- resolves every field an expression names, and the two tables name their answer differently.
CREATE FUNCTION evenhand_request_not_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.requested_at > now() - interval '6 years' THEN
        RAISE EXCEPTION 'DELETE on % refused: requests are kept 6 years as proof of compliance', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END
$$;

CREATE FUNCTION evenhand_access_answer_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.fulfilled_at IS NOT NULL THEN
        RAISE EXCEPTION 'UPDATE on % refused: an answered request is never changed', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION evenhand_erasure_decision_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.decided_at IS NOT NULL THEN
        RAISE EXCEPTION 'UPDATE on % refused: a decided request is never changed', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER subject_access_requests_kept BEFORE DELETE ON subject_access_requests
    FOR EACH ROW EXECUTE FUNCTION evenhand_request_not_removed();
CREATE TRIGGER erasure_requests_kept BEFORE DELETE ON erasure_requests
    FOR EACH ROW EXECUTE FUNCTION evenhand_request_not_removed();
CREATE TRIGGER subject_access_requests_answered BEFORE UPDATE ON subject_access_requests
    FOR EACH ROW EXECUTE FUNCTION evenhand_access_answer_kept();
CREATE TRIGGER erasure_requests_decided BEFORE UPDATE ON erasure_requests
    FOR EACH ROW EXECUTE FUNCTION evenhand_erasure_decision_kept();
