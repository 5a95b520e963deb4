-- Operations (issue 17), decision 0032: the evenhand_cases_open{stage} gauge counts the open cases by
-- stage at most every few seconds. Without this index that count reads the whole cases table (about
-- 520 MB and 180 ms at a million complaints, evicting hotter pages from the cache); with it, an
-- index-only scan of the open cases alone (about 25 ms there, nothing at all for closed cases).
CREATE INDEX cases_open_stage_idx ON cases (stage, status) WHERE status IN ('RECEIVED', 'OPEN');
