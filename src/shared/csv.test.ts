import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'Gómez Palacio, Dgo.', b: 'dijo "sí"\nfin' }, { a: null, b: 3 }]);
    expect(csv).toBe('\uFEFFa,b\r\n"Gómez Palacio, Dgo.","dijo ""sí""\nfin"\r\n,3\r\n');
  });
});
