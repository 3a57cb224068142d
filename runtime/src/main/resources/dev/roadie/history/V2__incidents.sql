-- Incidents a run opened (ops.incident), and the timeline of what the runbook did in each.
--
-- Same rules as V1: portable types, every statement safe to run twice.

CREATE TABLE IF NOT EXISTS incidents (
  id VARCHAR NOT NULL PRIMARY KEY,
  run_id VARCHAR NOT NULL REFERENCES runs (id),
  severity VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  -- open, resolved or escalated
  status VARCHAR NOT NULL,
  opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at TIMESTAMP WITH TIME ZONE,
  bundle_dir VARCHAR,
  summary VARCHAR
);

CREATE INDEX IF NOT EXISTS incidents_by_open ON incidents (opened_at);

CREATE TABLE IF NOT EXISTS incident_events (
  incident_id VARCHAR NOT NULL REFERENCES incidents (id),
  seq INTEGER NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  action VARCHAR NOT NULL,
  result VARCHAR NOT NULL,
  PRIMARY KEY (incident_id, seq)
);
