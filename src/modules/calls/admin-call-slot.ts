import { pageSlot } from '../../kernel/page-sections.js';
import type { CallWithExercise } from './get-call.js';

/**
 * The admin page of one call (/admin/convocatorias/:id) has a place, after the results, where later modules add
 * their own section about the call (the registrations module: the next-step message to registrants and its
 * mailings). Their routes show the page again with a refused form's state under the section's id.
 */
export const adminCallSlot = pageSlot<CallWithExercise>('calls.admin-call');
