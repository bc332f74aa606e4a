/**
 * HTML without the attributes that make a table's rows labelled cards on a phone (`stackedTable` in
 * web/components), for assertions that read a table's cells as text.
 */
export const withoutStackAttributes = (html: string) =>
  html.replace(
    / (role="(table|rowgroup|row|columnheader|rowheader|cell)"|data-label="[^"]*"|class="cell--primary")/g,
    '',
  );
