-- Hypertables, the hourly trust pressure aggregate and storage policies on TimescaleDB; the
-- same-named plain materialized view on PostgreSQL. Both branches are guarded and idempotent.
--
-- trust_pressure is the high-volume table (republished on every change), so it is compressed
-- after a week and its raw rows dropped after two years; trust_pressure_hourly keeps the hourly
-- shape for comparisons across winters. Sitreps are one a trust a day: compressed after 90 days,
-- kept five years.

DO $do$
DECLARE
  hourly CONSTANT text := $q$
    SELECT time_bucket(INTERVAL '1 hour', as_at) AS bucket,
           org_code,
           avg(ga_occupancy_pct) AS avg_ga_occupancy_pct,
           max(ga_occupancy_pct) AS max_ga_occupancy_pct,
           avg(cc_occupancy_pct) AS avg_cc_occupancy_pct,
           max(cc_occupancy_pct) AS max_cc_occupancy_pct,
           avg(score)            AS avg_score,
           max(opel_level)       AS max_opel_level,
           count(*)              AS samples
    FROM trust_pressure
    GROUP BY bucket, org_code
  $q$;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    PERFORM create_hypertable('sitrep', by_range('as_at', INTERVAL '30 days'),
                              if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('trust_pressure', by_range('as_at', INTERVAL '7 days'),
                              if_not_exists => TRUE, migrate_data => TRUE);

    IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                   WHERE hypertable_name = 'sitrep' AND compression_enabled) THEN
      ALTER TABLE sitrep SET (timescaledb.compress, timescaledb.compress_segmentby = 'org_code',
                              timescaledb.compress_orderby = 'as_at DESC');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                   WHERE hypertable_name = 'trust_pressure' AND compression_enabled) THEN
      ALTER TABLE trust_pressure SET (timescaledb.compress, timescaledb.compress_segmentby = 'org_code',
                                      timescaledb.compress_orderby = 'as_at DESC');
    END IF;
    PERFORM add_compression_policy('sitrep', INTERVAL '90 days', if_not_exists => TRUE);
    PERFORM add_compression_policy('trust_pressure', INTERVAL '7 days', if_not_exists => TRUE);
    PERFORM add_retention_policy('sitrep', INTERVAL '5 years', if_not_exists => TRUE);
    PERFORM add_retention_policy('trust_pressure', INTERVAL '2 years', if_not_exists => TRUE);

    -- A continuous aggregate must be created WITH NO DATA inside a transaction; the policy fills
    -- it, and materialized_only = false lets queries see the newest hour before it is refreshed.
    EXECUTE 'CREATE MATERIALIZED VIEW IF NOT EXISTS trust_pressure_hourly'
         || ' WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS '
         || hourly || ' WITH NO DATA';
    PERFORM add_continuous_aggregate_policy('trust_pressure_hourly',
        start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 hour',
        schedule_interval => INTERVAL '15 minutes', if_not_exists => TRUE);
  ELSE
    -- Plain PostgreSQL: populated at once (empty), refreshed by refresh_continuous_aggregate.
    -- (TimescaleDB indexes a continuous aggregate's group-by columns by itself.)
    EXECUTE 'CREATE MATERIALIZED VIEW IF NOT EXISTS trust_pressure_hourly AS ' || hourly || ' WITH DATA';
    CREATE UNIQUE INDEX IF NOT EXISTS trust_pressure_hourly_org_code_bucket
      ON trust_pressure_hourly (org_code, bucket DESC);
  END IF;
END
$do$;
