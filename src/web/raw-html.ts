/**
 * HTML built as a string, for the few places where Preact's cost per element matters: a print view of a large plan
 * has 25,000 table rows. Every value goes through `escapeHtml`; markup comes only from literals in the code.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

export const escapeHtml = (value: string | number): string => {
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c]!) : text;
};

/**
 * A table's `<table>` element (the same markup as the Table component renders inside its wrapper), from cells that
 * are already HTML: build them with `escapeHtml`.
 */
export function tableHtml(props: {
  caption: string;
  headers: { text: string; isNumeric?: boolean }[];
  rows: string[][];
}): string {
  const numeric = props.headers.map((header) => (header.isNumeric ? ' class="numeric"' : ''));
  let out = `<table class="table"><caption>${escapeHtml(props.caption)}</caption><thead><tr>`;
  for (let i = 0; i < props.headers.length; i++)
    out += `<th scope="col"${numeric[i]}>${escapeHtml(props.headers[i]!.text)}</th>`;
  out += '</tr></thead><tbody>';
  for (const row of props.rows) {
    out += '<tr>';
    for (let i = 0; i < row.length; i++) out += `<td${numeric[i]}>${row[i]}</td>`;
    out += '</tr>';
  }
  return `${out}</tbody></table>`;
}
