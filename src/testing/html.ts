/**
 * HTML without the attributes that make a table's rows labelled cards on a phone (`stackedTable` in
 * web/components), for assertions that read a table's cells as text.
 */
export const withoutStackAttributes = (html: string) =>
  html.replace(
    / (role="(table|rowgroup|row|columnheader|rowheader|cell)"|data-label="[^"]*"|class="cell--primary")/g,
    '',
  );

/** The ids that more than one element of a page carries (a label, a link or a summary would reach only the first). */
export function duplicateIds(html: string): string[] {
  const seen = new Map<string, number>();
  for (const match of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g))
    seen.set(match[1]!, (seen.get(match[1]!) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}
