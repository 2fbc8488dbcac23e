-- TimescaleDB where it exists; otherwise a small compatibility layer so that the same queries,
-- views and Grafana panels run on plain PostgreSQL (the embedded default and the test floor).
-- See research/tech.md section 2. Every statement is guarded so the script can run twice.

DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
     AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXCEPTION WHEN OTHERS THEN
      -- Installed but unusable here (not in shared_preload_libraries, or no privilege to create
      -- it): carry on with the compatibility layer rather than refuse to start.
      RAISE NOTICE 'TimescaleDB is available but could not be created (%); using plain PostgreSQL', SQLERRM;
    END;
  END IF;
END
$do$;

DO $do$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    RETURN;
  END IF;

  -- time_bucket with TimescaleDB's semantics: fixed-width buckets in UTC from the origin
  -- 2000-01-03 (a Monday, so weekly buckets start on Mondays); month and year widths from
  -- 2000-01-01. Shims call each other schema-qualified because PostgreSQL 17 refreshes
  -- materialized views with search_path = pg_catalog, pg_temp.
  CREATE OR REPLACE FUNCTION public.time_bucket(bucket_width interval, ts timestamptz, origin timestamptz)
  RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
    SELECT CASE WHEN extract(year FROM bucket_width) = 0 AND extract(month FROM bucket_width) = 0
      THEN date_bin(bucket_width, ts, origin)
      ELSE (WITH m AS (
              SELECT (extract(year FROM bucket_width) * 12 + extract(month FROM bucket_width))::int AS w,
                     ((extract(year FROM ts AT TIME ZONE 'UTC') - extract(year FROM origin AT TIME ZONE 'UTC')) * 12
                      + extract(month FROM ts AT TIME ZONE 'UTC') - extract(month FROM origin AT TIME ZONE 'UTC'))::int AS n)
            SELECT (date_trunc('month', origin AT TIME ZONE 'UTC')
                    + make_interval(months => (floor(n::numeric / w) * w)::int)) AT TIME ZONE 'UTC'
            FROM m)
    END
  $fn$;

  CREATE OR REPLACE FUNCTION public.time_bucket(bucket_width interval, ts timestamptz)
  RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
    SELECT public.time_bucket(bucket_width, ts,
      CASE WHEN extract(year FROM bucket_width) = 0 AND extract(month FROM bucket_width) = 0
        THEN timestamptz '2000-01-03 00:00:00+00' ELSE timestamptz '2000-01-01 00:00:00+00' END)
  $fn$;

  CREATE OR REPLACE FUNCTION public.time_bucket(bucket_width interval, ts timestamp)
  RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
    SELECT public.time_bucket(bucket_width, ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
  $fn$;

  -- Same call site as TimescaleDB's procedure; a plain materialized view refreshes whole.
  CREATE OR REPLACE PROCEDURE public.refresh_continuous_aggregate(
      continuous_aggregate regclass, window_start timestamptz, window_end timestamptz)
  LANGUAGE plpgsql AS $fn$
  BEGIN
    EXECUTE format('REFRESH MATERIALIZED VIEW %s', continuous_aggregate);
  END
  $fn$;
END
$do$;
