-- A read-only role for Grafana and analysts: SELECT on every history table and view, now and
-- later. It cannot log in; a deployment grants it to a login role of its own, so no password
-- lives in a migration (see docs/history.md). Roles are cluster-wide, so create it only if absent,
-- and only where the migrating user may create roles (a managed database may not allow it).

DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gold_command_reader') THEN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
      BEGIN
        CREATE ROLE gold_command_reader NOLOGIN;
      EXCEPTION WHEN duplicate_object THEN
        NULL; -- another database on the same server created it at the same moment
      END;
    ELSE
      RAISE NOTICE 'Not allowed to create role gold_command_reader; create it and rerun the grants';
    END IF;
  END IF;

  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gold_command_reader') THEN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO gold_command_reader', current_database());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO gold_command_reader', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO gold_command_reader', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO gold_command_reader',
                   current_schema());
  END IF;
END
$do$;
