-- The change log takes its redactable form (decision 30): each entry's hash covers the salted digest of each field of
-- before and after instead of the values, so a value (with its salt) can be removed by a redaction entry without breaking
-- the chain. Existing entries keep only the public fields their module declared (no contact e-mails or phones, no
-- responsible persons, no search words, no account ids inside the payload), are sealed and re-chained, and one entry
-- records the head of the former chain. Canonical JSON and digests as in src/modules/audit/change-hash.ts.
ALTER TABLE "change_log" ADD COLUMN "digests" jsonb;--> statement-breakpoint
ALTER TABLE "change_log" ADD COLUMN "salts" jsonb;--> statement-breakpoint
-- A JavaScript number as JSON.stringify writes it (ECMAScript Number::toString), from PostgreSQL's shortest
-- round-trip output of the same double.
CREATE FUNCTION cocrea_js_number(n float8) RETURNS text LANGUAGE plpgsql IMMUTABLE SET extra_float_digits = 1 AS $$
DECLARE
  t text := abs(n)::text;
  mantissa text := split_part(t, 'e', 1);
  exponent int := coalesce(nullif(split_part(t, 'e', 2), '')::int, 0);
  digits text := replace(mantissa, '.', '');
  point int := length(split_part(mantissa, '.', 1)) + exponent;
  sign text := CASE WHEN n < 0 THEN '-' ELSE '' END;
  k int;
BEGIN
  IF n = 0 THEN RETURN '0'; END IF;
  WHILE left(digits, 1) = '0' LOOP digits := substr(digits, 2); point := point - 1; END LOOP;
  digits := rtrim(digits, '0');
  k := length(digits);
  IF k <= point AND point <= 21 THEN RETURN sign || digits || repeat('0', point - k); END IF;
  IF 0 < point AND point <= 21 THEN RETURN sign || left(digits, point) || '.' || substr(digits, point + 1); END IF;
  IF -6 < point AND point <= 0 THEN RETURN sign || '0.' || repeat('0', -point) || digits; END IF;
  RETURN sign || left(digits, 1) || CASE WHEN k > 1 THEN '.' || substr(digits, 2) ELSE '' END || 'e'
    || CASE WHEN point - 1 < 0 THEN '-' ELSE '+' END || abs(point - 1)::text;
END $$;--> statement-breakpoint
-- Canonical JSON: keys sorted, no whitespace, strings and numbers as JSON.stringify writes them.
CREATE FUNCTION cocrea_canonical_json(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result text;
BEGIN
  CASE jsonb_typeof(v)
    WHEN 'object' THEN
      SELECT '{' || coalesce(string_agg(to_json(e.key)::text || ':' || cocrea_canonical_json(e.value), ','
        ORDER BY e.key COLLATE "C"), '') || '}' INTO result FROM jsonb_each(v) AS e;
    WHEN 'array' THEN
      SELECT '[' || coalesce(string_agg(cocrea_canonical_json(e.value), ',' ORDER BY e.n), '') || ']' INTO result
        FROM jsonb_array_elements(v) WITH ORDINALITY AS e(value, n);
    WHEN 'number' THEN
      result := cocrea_js_number((v #>> '{}')::float8);
    ELSE
      result := v::text;
  END CASE;
  RETURN result;
END $$;--> statement-breakpoint
-- The named fields of a record (`file.size`: one field of the object `file`); all of it for a type nobody declared.
CREATE FUNCTION cocrea_project(v jsonb, fields jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result jsonb := '{}';
  path text;
  head text;
  rest text;
BEGIN
  IF v IS NULL OR jsonb_typeof(v) = 'null' THEN RETURN NULL; END IF;
  IF fields IS NULL OR jsonb_typeof(v) <> 'object' THEN RETURN v; END IF;
  FOR path IN SELECT jsonb_array_elements_text(fields) LOOP
    head := split_part(path, '.', 1);
    rest := nullif(substr(path, length(head) + 2), '');
    CONTINUE WHEN NOT v ? head;
    IF rest IS NULL THEN
      result := result || jsonb_build_object(head, v -> head);
    ELSIF jsonb_typeof(v -> head) = 'object' THEN
      IF v -> head ? rest THEN
        result := result || jsonb_build_object(head,
          coalesce(CASE WHEN jsonb_typeof(result -> head) = 'object' THEN result -> head END, '{}')
          || jsonb_build_object(rest, v -> head -> rest));
      END IF;
    ELSIF NOT result ? head THEN
      result := result || jsonb_build_object(head, v -> head);
    END IF;
  END LOOP;
  RETURN result;
END $$;--> statement-breakpoint
DO $$
DECLARE
  public_fields jsonb := '{"institution":["id","name","acronym","kind","isGovernment","municipalityCvegeo","website","createdAt"],"exercise":["id","slug","title","edition","summary","phase","isDemo","periodStart","periodEnd","stateCode","convenerInstitutionId","timeline","createdAt"],"change_log_entry":["redacted","reason"],"privacy_notice":["id","kind","version","responsible","body","publishedAt","createdAt"],"comment":["id","targetType","targetId","kind","institutionId","status","hiddenReason","bodySha256"],"call":["id","exerciseId","title","summary","generalObjective","specificObjectives","requirements","considerations","themes","opensAt","closesAt","status","eligibleStateCode","resultsText","createdAt"],"registration":["status"],"registrations_export":["rows","filters.status","filters.sector","filters.municipality","filters.from","filters.to"],"secretariat_session":["id","secretariatId","kind","number","startsAt","durationMinutes","place","onlineUrl","agenda","status","convenedAt","quorumReached","minutesText","minutesUrl","minutesFileId","minutesFile","minutesApprovedAt","recordingUrl","cancellationReason","createdAt"],"agreement":["id","sessionId","number","code","text","decisionMethod","outcome","votesFor","votesAgainst","votesAbstain","votes","responsible","dueOn","status","links","note","createdAt"],"secretariat":["id","exerciseId","installedOn","quorumRule","createdAt"],"secretariat_seat":["id","secretariatId","kind","label","institutionId","position","createdAt"],"secretariat_membership":["id","seatId","role","displayName","organization","bio","startsOn","endsOn"],"secretariat_attendance":["attendance","quorum"],"document":["id","kind","title","url","fileId","file","issuedOn","recordType","recordId","createdAt"],"action_plan":["id","exerciseId","title","periodStart","periodEnd","strategicVision","status","approvalAgreementId","documentFileId","createdAt"],"commitment":["id","planId","number","title","theme","publicProblem","baseline","causes","description","objective","howItSolves","ogpValues","indicator","goal","assumptions","alignmentStatePlan","alignmentSdgs","alignmentGender","smart","leadInstitutionId","startsOn","endsOn","originProblemId","originProposalId","status","statusNote","approvalAgreementId","modificationAgreementId","municipalities","partners","createdAt"],"milestone":["id","commitmentId","position","title","deliverable","responsibleInstitutionId","plannedStart","plannedEnd","actualStart","actualEnd","weight","cancelledAt","cancellationReason","createdAt"],"activity":["id","milestoneId","position","title","description","responsibleInstitutionId","plannedStart","plannedEnd","actualStart","actualEnd","status","closingNote","cancellationReason","verifiedAt","createdAt"],"activity_note":["activityId","body"],"evidence":["activityId","description","url","file.type","file.size","file.sha256","status","rejectionReason"],"problem":["number","exerciseId","title","description","evidenceUrl","theme","channel","municipalities","status","mergedIntoId","reasonCode","explanation","agreementCode","isHidden","hiddenReason"],"progress_report":["id","commitmentId","institutionId","period","reportedOn","declaredStatus","narrative","progressAtReport","createdAt"],"design_assessment":["id","commitmentId","method","assessedOn","assessorName","assessorOrganisation","verifiability","ogValues","potential","potentialJustification","isPromising","promisingJustification","createdAt"],"end_assessment":["id","commitmentId","method","assessedOn","assessorName","assessorOrganisation","completion","completeJustification","openedGovernment","narrative","evidenceUrls","finalReportId","progressAtAssessment","createdAt"],"evaluation_method":["exerciseId","method","createdAt"]}';
  r record;
  previous text := repeat('0', 64);
  entries bigint := 0;
  v_sides jsonb;
  side text;
  v_salts jsonb;
  v_digests jsonb;
  side_salts jsonb;
  side_digests jsonb;
  e record;
  salt text;
  new_hash text;
  instant timestamptz;
  legacy_head text;
BEGIN
  SELECT hash INTO legacy_head FROM change_log ORDER BY seq DESC LIMIT 1;
  ALTER TABLE change_log DISABLE TRIGGER change_log_no_update_delete;
  FOR r IN SELECT * FROM change_log ORDER BY seq LOOP
    v_sides := jsonb_build_object(
      'before', cocrea_project(r.before, public_fields -> r.record_type),
      'after', cocrea_project(r.after, public_fields -> r.record_type));
    v_salts := '{}';
    v_digests := '{}';
    FOREACH side IN ARRAY ARRAY['before', 'after'] LOOP
      IF jsonb_typeof(v_sides -> side) = 'object' THEN
        side_salts := '{}';
        side_digests := '{}';
        FOR e IN SELECT * FROM jsonb_each(v_sides -> side) LOOP
          salt := replace(gen_random_uuid()::text, '-', '');
          side_salts := side_salts || jsonb_build_object(e.key, salt);
          side_digests := side_digests || jsonb_build_object(e.key,
            encode(sha256(convert_to(salt || cocrea_canonical_json(e.value), 'UTF8')), 'hex'));
        END LOOP;
        v_salts := v_salts || jsonb_build_object(side, side_salts);
        v_digests := v_digests || jsonb_build_object(side, side_digests);
      ELSE
        v_salts := v_salts || jsonb_build_object(side, null);
        v_digests := v_digests || jsonb_build_object(side, null);
      END IF;
    END LOOP;
    new_hash := encode(sha256(convert_to(cocrea_canonical_json(jsonb_build_object(
      'prev_hash', previous,
      'occurred_at', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'actor_label', r.actor_label,
      'record_type', r.record_type,
      'record_id', r.record_id,
      'action', r.action,
      'digests', v_digests)), 'UTF8')), 'hex');
    UPDATE change_log SET before = v_sides -> 'before', after = v_sides -> 'after', digests = v_digests, salts = v_salts,
      prev_hash = previous, hash = new_hash WHERE seq = r.seq;
    previous := new_hash;
    entries := entries + 1;
  END LOOP;
  IF entries > 0 THEN
    -- The former chain's head, so that anyone who kept it sees where the log took its new form.
    v_sides := jsonb_build_object('legacyHead', legacy_head, 'legacyEntries', entries,
      'reason', 'El historial pasó a su forma redactable: solo campos públicos, cada uno con su huella.');
    side_salts := '{}';
    side_digests := '{}';
    FOR e IN SELECT * FROM jsonb_each(v_sides) LOOP
      salt := replace(gen_random_uuid()::text, '-', '');
      side_salts := side_salts || jsonb_build_object(e.key, salt);
      side_digests := side_digests || jsonb_build_object(e.key,
        encode(sha256(convert_to(salt || cocrea_canonical_json(e.value), 'UTF8')), 'hex'));
    END LOOP;
    instant := date_trunc('milliseconds', clock_timestamp());
    new_hash := encode(sha256(convert_to(cocrea_canonical_json(jsonb_build_object(
      'prev_hash', previous,
      'occurred_at', to_char(instant AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'actor_label', 'Sistema',
      'record_type', 'change_log',
      'record_id', 'redactable-form',
      'action', 'update',
      'digests', jsonb_build_object('before', null, 'after', side_digests))), 'UTF8')), 'hex');
    INSERT INTO change_log (occurred_at, actor_id, actor_label, record_type, record_id, action, before, after, digests,
      salts, prev_hash, hash)
    VALUES (instant, NULL, 'Sistema', 'change_log', 'redactable-form', 'update', NULL, v_sides,
      jsonb_build_object('before', null, 'after', side_digests), jsonb_build_object('before', null, 'after', side_salts),
      previous, new_hash);
  END IF;
  ALTER TABLE change_log ENABLE TRIGGER change_log_no_update_delete;
END $$;--> statement-breakpoint
DROP FUNCTION cocrea_project(jsonb, jsonb);--> statement-breakpoint
DROP FUNCTION cocrea_canonical_json(jsonb);--> statement-breakpoint
DROP FUNCTION cocrea_js_number(float8);--> statement-breakpoint
ALTER TABLE "change_log" ALTER COLUMN "digests" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "change_log" ALTER COLUMN "salts" SET NOT NULL;--> statement-breakpoint
-- Still append-only: an UPDATE may only forget who acted (actor_id to null, e.g. a cancelled account) or, during a
-- redaction (cocrea.redacting = on, see redact-change.ts), remove values and their salts; never the chained columns.
CREATE OR REPLACE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (new.seq, new.occurred_at, new.actor_label, new.record_type, new.record_id, new.action,
      new.digests, new.prev_hash, new.hash) IS NOT DISTINCT FROM (old.seq, old.occurred_at, old.actor_label,
      old.record_type, old.record_id, old.action, old.digests, old.prev_hash, old.hash) THEN
    IF new.actor_id IS NULL AND (new.before, new.after, new.salts) IS NOT DISTINCT FROM (old.before, old.after, old.salts)
    THEN
      RETURN new;
    END IF;
    IF coalesce(current_setting('cocrea.redacting', true), '') = 'on'
      AND new.actor_id IS NOT DISTINCT FROM old.actor_id
      AND (new.before IS NULL OR old.before @> new.before)
      AND (new.after IS NULL OR old.after @> new.after)
      AND old.salts @> new.salts THEN
      RETURN new;
    END IF;
  END IF;
  RAISE EXCEPTION 'change_log is append-only';
END $$;
