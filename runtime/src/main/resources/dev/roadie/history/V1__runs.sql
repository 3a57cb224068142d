-- Runs, their steps and their mutations.
--
-- Portable between H2 and PostgreSQL: standard types only, unquoted names.
-- VARCHAR without a length is unbounded in PostgreSQL and effectively so in H2, so no insert
-- fails on a long name or output. Times are TIMESTAMP WITH TIME ZONE: both databases store it
-- to the microsecond, JDBC maps it to OffsetDateTime on both, and it stays readable in psql.
--
-- Every statement may run twice (IF NOT EXISTS): H2 commits DDL as it goes, so two processes
-- migrating a new database at once can interleave.

CREATE TABLE IF NOT EXISTS runs (
  id VARCHAR NOT NULL PRIMARY KEY,
  playbook VARCHAR NOT NULL,
  playbook_file VARCHAR,
  sha256 VARCHAR,
  git_commit VARCHAR,
  trigger_name VARCHAR NOT NULL,
  params VARCHAR NOT NULL,
  dry_run BOOLEAN NOT NULL,
  status VARCHAR NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE,
  error VARCHAR,
  host VARCHAR,
  -- The process running the run, so that one whose process died without ending it (SIGKILL, a
  -- power cut) can be told from one still going, and marked aborted.
  pid BIGINT
);

CREATE INDEX IF NOT EXISTS runs_by_playbook ON runs (playbook, started_at);

CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at);

CREATE TABLE IF NOT EXISTS steps (
  run_id VARCHAR NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts INTEGER NOT NULL,
  output VARCHAR NOT NULL,
  error VARCHAR,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE IF NOT EXISTS mutations (
  run_id VARCHAR NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  step VARCHAR,
  target VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  outcome VARCHAR NOT NULL,
  error VARCHAR,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (run_id, seq)
);
