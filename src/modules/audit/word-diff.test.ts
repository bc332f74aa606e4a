import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff.js';

describe('a word-by-word comparison of two texts', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(
      diffWords('Publicar el presupuesto en PDF cada año', 'Publicar el presupuesto en datos abiertos cada mes'),
    ).toEqual([
      { kind: 'same', text: 'Publicar el presupuesto en ' },
      { kind: 'removed', text: 'PDF ' },
      { kind: 'added', text: 'datos abiertos ' },
      { kind: 'same', text: 'cada ' },
      { kind: 'removed', text: 'año' },
      { kind: 'added', text: 'mes' },
    ]);
  });

  it('gives the whole text as kept when nothing changed, and as added when it was empty', () => {
    expect(diffWords('igual', 'igual')).toEqual([{ kind: 'same', text: 'igual' }]);
    expect(diffWords('', 'nuevo texto')).toEqual([{ kind: 'added', text: 'nuevo texto' }]);
  });

  it('does not try to compare texts too long for the page', () => {
    const long = (word: string) => Array.from({ length: 3000 }, (_, i) => `${word}${i}`).join(' ');
    expect(diffWords(long('a'), long('b'))).toBeUndefined();
  });
});
