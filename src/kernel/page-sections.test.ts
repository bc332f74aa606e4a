import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createPageSections, pageSection, pageSlot } from './page-sections.js';

const callPage = pageSlot<{ title: string }>('test.call');
const otherPage = pageSlot<{ n: number }>('test.other');
const context = { db: {} as Db, config: {} as Config, request: {} as FastifyRequest, now: new Date(0) };

describe('page sections', () => {
  it('renders the sections of one slot in declaration order, each with its own refused-form state', async () => {
    const sections = createPageSections([
      pageSection({
        slot: callPage,
        id: 'a',
        load: async ({ subject, state }) => `a:${subject.title}:${String(state)}`,
      }),
      pageSection({ slot: otherPage, id: 'b', load: async ({ subject }) => `b:${subject.n}` }),
      pageSection({
        slot: callPage,
        id: 'c',
        load: async ({ subject, state }) => `c:${subject.title}:${String(state)}`,
      }),
    ]);
    expect(await sections.render(callPage, { ...context, subject: { title: 'X' }, states: { c: 'typed' } })).toEqual([
      'a:X:undefined',
      'c:X:typed',
    ]);
    expect(await sections.render(otherPage, { ...context, subject: { n: 2 } })).toEqual(['b:2']);
    expect(
      await sections.render(pageSlot<{ title: string }>('test.none'), { ...context, subject: { title: 'X' } }),
    ).toEqual([]);
  });

  it('refuses two sections with the same id: a route could not tell which form it answers', () => {
    const section = pageSection({ slot: callPage, id: 'same', load: async () => null });
    expect(() => createPageSections([section, section])).toThrow(/"same" is declared twice/);
  });
});
