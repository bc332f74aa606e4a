-- The e-mail frequency is loaded with the session (decision 12), so a change to it must reach every process's session
-- cache as the other account columns do (migration 0006): the users trigger now watches notification_frequency too.
DROP TRIGGER IF EXISTS users_notify_change ON users;
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER DELETE OR UPDATE OF email, name, email_confirmed_at, locale, status, notification_frequency ON users
  FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_sessions();
