-- Processes cache who is signed in (see docs/decisions/0008-render-cache.md). Any change that can alter what a
-- session grants (a session ended, an account's name, e-mail, language, confirmation or status, a staff role given or
-- taken away) announces itself on the channel cocrea_sessions; PostgreSQL delivers it to every listening process when
-- the transaction commits, and never for one that rolls back. Routine touches (last_seen_at, expires_at) stay quiet.
CREATE OR REPLACE FUNCTION cocrea_notify_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cocrea_sessions', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS sessions_notify_change ON sessions;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_change AFTER DELETE OR UPDATE OF token_hash, user_id, csrf_token, created_at ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_sessions();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sessions_notify_truncate ON sessions;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_sessions();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_notify_change ON users;
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER DELETE OR UPDATE OF email, name, email_confirmed_at, locale, status ON users
  FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_sessions();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_notify_truncate ON users;
--> statement-breakpoint
CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_sessions();
--> statement-breakpoint
DROP TRIGGER IF EXISTS role_assignments_notify_change ON role_assignments;
--> statement-breakpoint
CREATE TRIGGER role_assignments_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_sessions();
