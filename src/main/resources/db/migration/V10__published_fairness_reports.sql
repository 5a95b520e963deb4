-- Published fairness reports (issue 13): the NEC approves a kept quarterly report for publication;
-- the public list shows only those. A report once published stays published (its figures never
-- change: the kept report is the one published), so publication is a one-way stamp.
ALTER TABLE audit_reports ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE audit_reports ADD COLUMN published_by TEXT;
ALTER TABLE audit_reports ADD CONSTRAINT audit_reports_publish_quarterly
    CHECK (published_at IS NULL OR (kind = 'quarterly' AND published_by IS NOT NULL));
CREATE INDEX audit_reports_published_idx ON audit_reports (period_from DESC) WHERE published_at IS NOT NULL;
