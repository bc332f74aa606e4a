/**
 * Progressive enhancement only: every page works without this script.
 * - Moves focus to a form's error summary so screen-reader and keyboard users hear the errors first (GOV.UK).
 * - Clicking a link in the summary focuses the field itself, not just scrolls to it.
 */
function enhanceErrorSummary(): void {
  const summary = document.querySelector<HTMLElement>('[data-error-summary]');
  if (!summary) return;
  summary.focus();
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    const id = link?.getAttribute('href')?.slice(1);
    const field = id ? document.getElementById(id) : null;
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  });
}

document.addEventListener('DOMContentLoaded', enhanceErrorSummary);
