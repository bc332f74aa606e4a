import { describe, expect, it } from 'vitest';
import { csvLine, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: 'Gómez Palacio, Dgo.', b: 'dijo "sí"\nfin' },
        { a: null, b: 3 },
      ],
    );
    expect(csv).toBe('\uFEFFa,b\r\n"Gómez Palacio, Dgo.","dijo ""sí""\nfin"\r\n,3\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, with a leading single quote', () => {
    const row = {
      a: '=HYPERLINK("http://evil.example","x")',
      b: '+1+cmd|calc',
      c: '-2+3',
      d: '@SUM(A1)',
      e: '\t=1',
      f: '\r=1',
    };
    expect(csvLine(['a', 'b', 'c', 'd', 'e', 'f'], row)).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")",'+1+cmd|calc,'-2+3,'@SUM(A1),'\t=1,"'\r=1"`,
    );
    expect(toCsv(['a'], [{ a: '=1+1' }])).toBe("\uFEFFa\r\n'=1+1\r\n");
  });

  it('keeps numbers as numbers: a negative number, or numeric text such as a coordinate, is not a formula', () => {
    expect(csvLine(['a', 'b', 'c', 'd', 'e'], { a: -3, b: '-104.6532', c: '+52', d: -0.5, e: '-1e3' })).toBe(
      '-3,-104.6532,+52,-0.5,-1e3',
    );
    expect(csvLine(['a', 'b'], { a: '-', b: '- 3' })).toBe("'-,'- 3");
  });
});
