import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../kernel/actor.js';
import { formatters, translator, type Locale } from '../../web/i18n/i18n.js';
import { roleAssignments, users } from '../accounts/read-models.js';
import { queueEmails, type QueueEmailInput } from '../notifications/queue-email.js';
import type { DeadlineSettings } from './deadlines.js';
import { localDate } from './evaluated-commitment.js';
import { lateAssessments, listAssessmentDeadlines } from './list-assessment-deadlines.js';
import { canAssess } from './policy.js';
import { evaluationReminders } from './schema.js';

/** The scheduled job's queue: daily, at 15:00 UTC (9:00 in Durango). */
export const DEADLINE_REMINDERS_QUEUE = 'evaluation-deadline-reminders';
export const DEADLINE_REMINDERS_CRON = '0 15 * * *';

export interface ReminderOptions {
  settings: DeadlineSettings;
  now: Date;
  timeZone: string;
  baseUrl: string;
  siteName: string;
}

/** The active evaluators, with their roles (an evaluator bound to the lead institution does not assess it). */
async function evaluators(db: Db) {
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.role, 'evaluator'), eq(users.status, 'active')));
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  if (unique.length === 0) return [];
  const roles = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      institutionId: roleAssignments.institutionId,
    })
    .from(roleAssignments)
    .where(
      inArray(
        roleAssignments.userId,
        unique.map((p) => p.id),
      ),
    );
  return unique.map((p) => ({
    ...p,
    actor: {
      userId: p.id,
      name: p.name,
      email: p.email,
      locale: p.locale,
      isEmailConfirmed: true,
      roles: roles.filter((r) => r.userId === p.id).map((r) => ({ role: r.role, institutionId: r.institutionId })),
    } satisfies Actor,
  }));
}

type Late = ReturnType<typeof lateAssessments>[number];

function reminderEmail(
  person: { email: string; id: string; name: string; locale: Locale },
  items: Late[],
  options: ReminderOptions,
): QueueEmailInput {
  const t = translator(person.locale);
  const format = formatters(person.locale, options.timeZone);
  const lines = items.map((item) =>
    t('evaluation.reminder.item', {
      number: item.commitment.number,
      title: item.commitment.title,
      plan: item.commitment.planTitle,
      kind: t(`evaluation.reminder.kind.${item.deadline.kind}`),
      due: format.calendarDate(item.deadline.dueOn),
    }),
  );
  return {
    to: person.email,
    userId: person.id,
    locale: person.locale,
    template: 'notice',
    params: {
      name: person.name,
      siteName: options.siteName,
      subject: t('evaluation.reminder.subject', { count: items.length }),
      body: [
        t('evaluation.reminder.intro', { name: person.name }),
        ...lines,
        t('evaluation.reminder.link', { url: `${options.baseUrl}/evaluacion` }),
      ].join('\n\n'),
    },
  };
}

/**
 * Reminds the evaluators of the assessments that have passed their deadline: one e-mail per evaluator listing the
 * late items they may assess (an evaluator bound to the lead institution is not asked). Each item is reminded once
 * per deadline: the reminder is recorded (commitment, kind, due date) in the same transaction as its e-mails, so a
 * second run, or a second process, sends nothing again; a new deadline (a changed setting or end date) is a new
 * reminder. An item no evaluator may assess waits until one can.
 */
export async function sendDeadlineReminders(db: Db, options: ReminderOptions) {
  const today = localDate(options.now, options.timeZone);
  const late = lateAssessments(await listAssessmentDeadlines(db, { ...options, today }));
  if (late.length === 0) return { items: 0, emails: 0 };
  const people = await evaluators(db);
  return db.transaction(async (tx) => {
    const due = late
      .map((item) => ({ item, to: people.filter((p) => canAssess(p.actor, item.commitment)) }))
      .filter((entry) => entry.to.length > 0);
    if (due.length === 0) return { items: 0, emails: 0 };
    const recorded = await tx
      .insert(evaluationReminders)
      .values(
        due.map(({ item, to }) => ({
          commitmentId: item.commitment.id,
          kind: item.deadline.kind,
          dueOn: item.deadline.dueOn,
          recipients: to.length,
          sentAt: options.now,
        })),
      )
      .onConflictDoNothing()
      .returning({ commitmentId: evaluationReminders.commitmentId, kind: evaluationReminders.kind });
    const isNew = (item: Late) =>
      recorded.some((r) => r.commitmentId === item.commitment.id && r.kind === item.deadline.kind);
    const fresh = due.filter(({ item }) => isNew(item));
    const emails = people
      .map((person) => ({ person, items: fresh.filter(({ to }) => to.includes(person)).map(({ item }) => item) }))
      .filter(({ items }) => items.length > 0)
      .map(({ person, items }) => reminderEmail(person, items, options));
    await queueEmails(tx, emails);
    return { items: fresh.length, emails: emails.length };
  });
}
