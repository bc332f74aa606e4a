/** RFC 4180 CSV (UTF-8 with BOM so spreadsheet programs read accents right, CRLF line ends). */

/** A plain decimal number (`-3`, `-104.6532`, `+52`, `1e3`): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a CR) gets a leading
 * single quote, as OWASP recommends; numbers stay numbers (see docs/decisions/0016-csv-cells-run-nothing.md).
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : inert(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (without its line end), for writers that stream rows. */
export function csvLine(columns: readonly string[], row: Record<string, unknown>): string {
  return columns.map((column) => cell(row[column])).join(',');
}

export function toCsv<Row extends Record<string, unknown>>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
