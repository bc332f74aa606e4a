import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';

/**
 * A named place on one module's page where modules later in the order add a section of their own, so the page's
 * module never imports them (e.g. the registrations module's next-step mailing on the calls admin page). The page's
 * module declares the slot with the subject it hands over; a contributing module imports the slot from it, which
 * keeps imports one way (later → earlier).
 */
export interface PageSlot<Subject> {
  readonly id: string;
  /** Type-only: ties the slot to its subject. */
  readonly subjectType?: (subject: Subject) => void;
}

export const pageSlot = <Subject>(id: string): PageSlot<Subject> => ({ id });

/** What a section gets to load and render itself. */
export interface SectionContext<Subject> {
  db: Db;
  config: Config;
  request: FastifyRequest;
  now: Date;
  subject: Subject;
  /**
   * What this section's own refused form left to show again (its values and errors), when its route answers with
   * the page; undefined on a plain visit.
   */
  state?: unknown;
}

/** One section contributed to a slot. */
export interface PageSection<Subject> {
  slot: PageSlot<Subject>;
  /** Unique name of the section: a route passes a refused form's state back under it. */
  id: string;
  load: (context: SectionContext<Subject>) => Promise<ComponentChildren>;
}

/** A section whose subject type is erased, as manifests list them (see pageSection, which checks it). */
export interface AnyPageSection {
  slot: { readonly id: string };
  id: string;
  load: (context: SectionContext<never>) => Promise<ComponentChildren>;
}

/** Declares a section for a slot, type-checked against the slot's subject. */
export const pageSection = <Subject>(section: PageSection<Subject>): AnyPageSection =>
  section as unknown as AnyPageSection;

/** Every module's sections, by slot; the page's module renders its slot's sections in registry order. */
export interface PageSections {
  render<Subject>(
    slot: PageSlot<Subject>,
    context: Omit<SectionContext<Subject>, 'state'> & { states?: Readonly<Record<string, unknown>> | undefined },
  ): Promise<ComponentChildren[]>;
}

export function createPageSections(sections: readonly AnyPageSection[]): PageSections {
  const ids = new Set<string>();
  for (const section of sections) {
    if (ids.has(section.id)) throw new Error(`Page section "${section.id}" is declared twice`);
    ids.add(section.id);
  }
  return {
    async render(slot, { states, ...context }) {
      const mine = sections.filter((section) => section.slot.id === slot.id);
      return Promise.all(
        mine.map((section) =>
          (section as unknown as PageSection<typeof context.subject>).load({ ...context, state: states?.[section.id] }),
        ),
      );
    },
  };
}
