-- How a trust got where it is: every scored parameter behind each published trust pressure, every
-- published system pressure with its trend, every step of every alert, and every change a person
-- made (the audit log). Tables are created here on both paths; the DO block below makes them
-- hypertables with storage policies and builds the hourly and daily aggregates as continuous
-- aggregates on TimescaleDB, or as same-named plain materialized views on PostgreSQL. Every
-- statement is guarded so the script can run twice.
--
-- As in V1, each table's time column is part of its key (a hypertable's unique keys must include
-- it), and a replayed event lands on the same key, so it is stored once.

-- One row per measure per trust pressure. as_at is the measure's own business time (a sitrep
-- figure can be a day older than the handover figure beside it), so the same figure republished
-- in later pressures shows, per bucket, as many samples but one value.
CREATE TABLE IF NOT EXISTS trust_parameter (
  event_id     text             NOT NULL,
  org_code     text             NOT NULL,
  system_code  text,
  name         text             NOT NULL,
  as_at        timestamptz      NOT NULL,
  value        double precision NOT NULL,
  unit         text,
  level        integer,
  weight       double precision,
  contribution double precision,
  PRIMARY KEY (event_id, name, as_at)
);

CREATE INDEX IF NOT EXISTS trust_parameter_org_code_name_as_at ON trust_parameter (org_code, name, as_at DESC);

CREATE TABLE IF NOT EXISTS system_pressure (
  event_id            text             NOT NULL,
  system_code         text             NOT NULL,
  as_at               timestamptz      NOT NULL,
  received_at         timestamptz      NOT NULL,
  score               double precision,
  opel_level          integer,
  highest_trust_level integer,
  change_2h           double precision,
  change_4h           double precision,
  rising_fast         boolean,
  table_version       text,
  payload             jsonb            NOT NULL,
  PRIMARY KEY (event_id, as_at)
);

CREATE INDEX IF NOT EXISTS system_pressure_system_code_as_at ON system_pressure (system_code, as_at DESC);

-- alerts.v1 republishes the whole alert at each step; a step is (alert_id, state, updated_at).
CREATE TABLE IF NOT EXISTS alert_event (
  alert_id        text        NOT NULL,
  key             text        NOT NULL,
  rule_id         text        NOT NULL,
  kind            text,
  severity        text,
  subject         text,
  system_code     text,
  org_code        text,
  site_code       text,
  state           text        NOT NULL,
  title           text,
  message         text,
  raised_at       timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at     timestamptz,
  resolved_by     text,
  updated_at      timestamptz NOT NULL,
  payload         jsonb       NOT NULL,
  PRIMARY KEY (alert_id, state, updated_at)
);

CREATE INDEX IF NOT EXISTS alert_event_system_code_updated_at ON alert_event (system_code, updated_at DESC);
CREATE INDEX IF NOT EXISTS alert_event_org_code_updated_at ON alert_event (org_code, updated_at DESC);
CREATE INDEX IF NOT EXISTS alert_event_alert_id ON alert_event (alert_id, updated_at DESC);

-- Where each alert stands: its latest step. Two steps at the same instant are ordered by the
-- lifecycle, so a resolution never hides behind the raise it ends.
CREATE OR REPLACE VIEW alert_current AS
  SELECT DISTINCT ON (alert_id) *
  FROM alert_event
  ORDER BY alert_id, updated_at DESC,
           CASE state WHEN 'RESOLVED' THEN 3 WHEN 'ACKNOWLEDGED' THEN 2 ELSE 1 END DESC;

CREATE TABLE IF NOT EXISTS audit_log (
  id          text        NOT NULL,
  at          timestamptz NOT NULL,
  actor       text        NOT NULL,
  role        text,
  action      text        NOT NULL,
  target_type text,
  target_id   text,
  system_code text,
  details     jsonb       NOT NULL,
  PRIMARY KEY (id, at)
);

CREATE INDEX IF NOT EXISTS audit_log_actor_at ON audit_log (actor, at DESC);
CREATE INDEX IF NOT EXISTS audit_log_target_at ON audit_log (target_type, target_id, at DESC);

COMMENT ON TABLE trust_parameter IS 'Each measure behind each published trust pressure (pressure.trust.v1), at its own business time.';
COMMENT ON TABLE system_pressure IS 'Every published system pressure with its trend (pressure.system.v1); payload is the pressure JSON.';
COMMENT ON TABLE alert_event IS 'Every step (raised, acknowledged, resolved) of every alert (alerts.v1); payload is the alert JSON.';
COMMENT ON VIEW alert_current IS 'The latest step of each alert occurrence.';
COMMENT ON TABLE audit_log IS 'Every change a person made (audit.v1). Kept as long as the topic: forever.';

DO $do$
DECLARE
  trust_pressure_by CONSTANT text := $q$
    SELECT time_bucket(INTERVAL '%s', as_at) AS bucket,
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
  parameter_by CONSTANT text := $q$
    SELECT time_bucket(INTERVAL '%s', as_at) AS bucket,
           org_code,
           system_code,
           name,
           avg(value)        AS avg_value,
           max(value)        AS max_value,
           min(value)        AS min_value,
           max(level)        AS max_level,
           max(contribution) AS max_contribution,
           count(*)          AS samples
    FROM trust_parameter
    GROUP BY bucket, org_code, system_code, name
  $q$;
  system_by CONSTANT text := $q$
    SELECT time_bucket(INTERVAL '%s', as_at) AS bucket,
           system_code,
           avg(score)               AS avg_score,
           max(score)               AS max_score,
           max(opel_level)          AS max_opel_level,
           max(highest_trust_level) AS max_highest_trust_level,
           max(change_2h)           AS max_change_2h,
           max(change_4h)           AS max_change_4h,
           bool_or(rising_fast)     AS rising_fast,
           count(*)                 AS samples
    FROM system_pressure
    GROUP BY bucket, system_code
  $q$;
  alerts_by CONSTANT text := $q$
    SELECT time_bucket(INTERVAL '%s', updated_at) AS bucket,
           system_code,
           rule_id,
           kind,
           severity,
           count(*) AS raised
    FROM alert_event
    WHERE state = 'RAISED'
    GROUP BY bucket, system_code, rule_id, kind, severity
  $q$;
  -- view name, defining query, bucket width, refresh start offset, end offset, schedule
  aggregates CONSTANT text[][] := ARRAY[
    ARRAY['trust_pressure_daily',   trust_pressure_by, '1 day',  '7 days', '1 day',  '1 hour'],
    ARRAY['trust_parameter_hourly', parameter_by,      '1 hour', '3 days', '1 hour', '15 minutes'],
    ARRAY['trust_parameter_daily',  parameter_by,      '1 day',  '7 days', '1 day',  '1 hour'],
    ARRAY['system_pressure_hourly', system_by,         '1 hour', '3 days', '1 hour', '15 minutes'],
    ARRAY['system_pressure_daily',  system_by,         '1 day',  '7 days', '1 day',  '1 hour'],
    ARRAY['alert_daily',            alerts_by,         '1 day',  '7 days', '1 day',  '1 hour']];
  agg text[];
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    PERFORM create_hypertable('trust_parameter', by_range('as_at', INTERVAL '7 days'),
                              if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('system_pressure', by_range('as_at', INTERVAL '30 days'),
                              if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('alert_event', by_range('updated_at', INTERVAL '30 days'),
                              if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('audit_log', by_range('at', INTERVAL '90 days'),
                              if_not_exists => TRUE, migrate_data => TRUE);

    IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                   WHERE hypertable_name = 'trust_parameter' AND compression_enabled) THEN
      ALTER TABLE trust_parameter SET (timescaledb.compress, timescaledb.compress_segmentby = 'org_code, name',
                                       timescaledb.compress_orderby = 'as_at DESC');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                   WHERE hypertable_name = 'system_pressure' AND compression_enabled) THEN
      ALTER TABLE system_pressure SET (timescaledb.compress, timescaledb.compress_segmentby = 'system_code',
                                       timescaledb.compress_orderby = 'as_at DESC');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                   WHERE hypertable_name = 'audit_log' AND compression_enabled) THEN
      ALTER TABLE audit_log SET (timescaledb.compress, timescaledb.compress_segmentby = 'actor',
                                 timescaledb.compress_orderby = 'at DESC');
    END IF;
    -- Parameters are the volume: ten or more rows per published pressure. Alerts are few and are
    -- read by alert_id for as long as they are open, so they stay uncompressed. The audit log
    -- is compressed but never dropped.
    PERFORM add_compression_policy('trust_parameter', INTERVAL '7 days', if_not_exists => TRUE);
    PERFORM add_compression_policy('system_pressure', INTERVAL '30 days', if_not_exists => TRUE);
    PERFORM add_compression_policy('audit_log', INTERVAL '90 days', if_not_exists => TRUE);
    PERFORM add_retention_policy('trust_parameter', INTERVAL '2 years', if_not_exists => TRUE);
    PERFORM add_retention_policy('system_pressure', INTERVAL '2 years', if_not_exists => TRUE);
    PERFORM add_retention_policy('alert_event', INTERVAL '5 years', if_not_exists => TRUE);

    FOREACH agg SLICE 1 IN ARRAY aggregates LOOP
      EXECUTE format('CREATE MATERIALIZED VIEW IF NOT EXISTS %I'
                     ' WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS %s WITH NO DATA',
                     agg[1], format(agg[2], agg[3]));
      PERFORM add_continuous_aggregate_policy(agg[1]::regclass,
          start_offset => agg[4]::interval, end_offset => agg[5]::interval,
          schedule_interval => agg[6]::interval, if_not_exists => TRUE);
    END LOOP;
  ELSE
    -- Plain PostgreSQL: populated at once, refreshed by HistoryDatabase.refreshAggregates().
    FOREACH agg SLICE 1 IN ARRAY aggregates LOOP
      EXECUTE format('CREATE MATERIALIZED VIEW IF NOT EXISTS %I AS %s WITH DATA', agg[1], format(agg[2], agg[3]));
    END LOOP;
    CREATE INDEX IF NOT EXISTS trust_pressure_daily_org_code_bucket ON trust_pressure_daily (org_code, bucket DESC);
    CREATE INDEX IF NOT EXISTS trust_parameter_hourly_org_code_bucket
      ON trust_parameter_hourly (org_code, name, bucket DESC);
    CREATE INDEX IF NOT EXISTS trust_parameter_daily_org_code_bucket
      ON trust_parameter_daily (org_code, name, bucket DESC);
    CREATE INDEX IF NOT EXISTS system_pressure_hourly_system_code_bucket
      ON system_pressure_hourly (system_code, bucket DESC);
    CREATE INDEX IF NOT EXISTS system_pressure_daily_system_code_bucket
      ON system_pressure_daily (system_code, bucket DESC);
    CREATE INDEX IF NOT EXISTS alert_daily_system_code_bucket ON alert_daily (system_code, bucket DESC);
  END IF;
END
$do$;
