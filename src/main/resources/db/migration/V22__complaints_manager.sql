-- A complaints manager (realm role "manager", decision 0035) is a handler too: overdue stages are
-- escalated to the eligible managers, who may reassign the overdue task.
ALTER TABLE handlers DROP CONSTRAINT handlers_role_check;
ALTER TABLE handlers ADD CONSTRAINT handlers_role_check CHECK (role IN ('caseworker', 'panel', 'manager'));
