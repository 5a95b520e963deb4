-- Generates synthetic members and historical cases into an Evenhand database (see generator.sql
-- for what is generated and every option). Deterministic for a given seed.
--
--   psql -h 127.0.0.1 -U postgres -d evenhand_bench -v members=500000 -v cases=1000000 -f seeds/generate.sql
--   psql ... -v prefix=BIAS -v seed=7 -v spec='{"bias": {"faction": "left", "tier": 3, "upheld": 1.5}}' -f seeds/generate.sql
--
-- Variables: prefix, seed, members, cases, from, to (dates) and spec (JSON with any further
-- options; the named variables win over the same keys in spec).
\set ON_ERROR_STOP on
\if :{?prefix} \else \set prefix GEN \endif
\if :{?seed} \else \set seed 1 \endif
\if :{?members} \else \set members 1000 \endif
\if :{?cases} \else \set cases 2000 \endif
\if :{?from} \else \set from 2024-07-01 \endif
\if :{?to} \else \set to 2026-06-30 \endif
\if :{?spec} \else \set spec '{}' \endif
\ir generator.sql
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.evenhand_generate(:'spec'::jsonb || jsonb_build_object(
    'prefix', :'prefix', 'seed', :'seed'::bigint, 'members', :'members'::int, 'cases', :'cases'::int,
    'from', :'from'::date, 'to', :'to'::date)) AS generated;
ANALYZE;
