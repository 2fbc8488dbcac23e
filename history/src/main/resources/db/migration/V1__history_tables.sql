-- The history of what the command room saw: one row per event, written only by the history sink.
-- event_id is the idempotency key. as_at (business time) is part of the primary key because a
-- TimescaleDB hypertable's unique keys must include its time column; a re-sent event keeps both
-- its id and its business time, so it still lands on the same key and is stored once.
-- Figures are nullable: a trust may submit only what it has, and a missing figure is not zero.

CREATE TABLE IF NOT EXISTS sitrep (
  event_id           text             NOT NULL,
  org_code           text             NOT NULL,
  site_code          text,
  as_at              timestamptz      NOT NULL,
  received_at        timestamptz      NOT NULL,
  ga_core_open       integer,
  ga_escalation_open integer,
  ga_occupied        integer,
  cc_open            integer,
  cc_occupied        integer,
  staff_absence_pct  double precision,
  payload            jsonb            NOT NULL,
  PRIMARY KEY (event_id, as_at)
);

CREATE INDEX IF NOT EXISTS sitrep_org_code_as_at ON sitrep (org_code, as_at DESC);

CREATE TABLE IF NOT EXISTS trust_pressure (
  event_id         text             NOT NULL,
  org_code         text             NOT NULL,
  system_code      text,
  as_at            timestamptz      NOT NULL,
  received_at      timestamptz      NOT NULL,
  ga_occupancy_pct double precision,
  cc_occupancy_pct double precision,
  score            double precision,
  opel_level       integer,
  table_version    text,
  payload          jsonb            NOT NULL,
  PRIMARY KEY (event_id, as_at)
);

CREATE INDEX IF NOT EXISTS trust_pressure_org_code_as_at ON trust_pressure (org_code, as_at DESC);

COMMENT ON TABLE sitrep IS 'Daily UEC sitreps as accepted (feeds.sitrep.v1); payload is the sitrep JSON.';
COMMENT ON TABLE trust_pressure IS 'Every published trust pressure (pressure.trust.v1); payload is the pressure JSON.';
