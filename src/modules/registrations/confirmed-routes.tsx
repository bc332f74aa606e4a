import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { parseQuery, queryString } from '../../web/params.js';
import { calls } from '../calls/read-models.js';
import { registrations } from './schema.js';
import { SignupConfirmedPage } from './views/signup-pages.js';
import { access, actorOf } from '../../kernel/access.js';
import { signupRouteContext, type Deps } from './route-context.js';

/** A confirmed sign-up, shown to the person who made it (/sumate/confirmada/:reference). */
export function confirmedRoutes(app: FastifyInstance, deps: Deps) {
  const { db, getExerciseById } = signupRouteContext(deps);

  app.get<{ Params: { reference: string }; Querystring: { cambios?: string } }>(
    '/sumate/confirmada/:reference',
    access.signedIn,
    async (request, reply) => {
      const [row] = await db
        .select({ registration: registrations, call: calls })
        .from(registrations)
        .innerJoin(calls, eq(calls.id, registrations.callId))
        .where(
          and(eq(registrations.reference, request.params.reference), eq(registrations.userId, actorOf(request).userId)),
        )
        .limit(1);
      if (!row) throw notFound('registration');
      const { exercise } = await getExerciseById(row.call.exerciseId);
      return sendPage(request, reply, deps, {
        title: request.t('registrations.confirmed.title'),
        body: (
          <SignupConfirmedPage
            context={{ exercise }}
            reference={row.registration.reference}
            closesAt={row.call.closesAt}
            email={row.registration.email}
            wasUpdate={parseQuery(request, z.object({ cambios: queryString })).cambios === '1'}
          />
        ),
      });
    },
  );
}
