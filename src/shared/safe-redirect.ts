/**
 * Where a `siguiente` (or any other "come back to") value may send a person: a path on this site, or `fallback`.
 *
 * Accepted: printable ASCII that starts with one `/` followed by anything but another `/` or `\`, with no `\`
 * anywhere, and whose percent-decoded form starts the same way (so `/%2F%2Fevil` and `/%5Cevil` are refused) and
 * holds no control character (encoded CR/LF, NUL). Everything else (`//evil`, `/\evil`, `http://evil`,
 * `https:evil`, `javascript:`, spaces, tabs, line breaks, non-ASCII lookalikes such as `／／evil`) gets `fallback`.
 * Browsers read `\` as `/` and drop tabs and line breaks in URLs, hence the strictness.
 */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback;
  if (!isLocalPath(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded) || /^\/[/\\]/.test(decoded)) return fallback;
  return value;
}

const isLocalPath = (value: string) => /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && !value.includes('\\');

/** The sign-in page, coming back to `path` afterwards (only when it is a path on this site). */
export const signInPath = (path: string) => {
  const next = safeLocalPath(path, '');
  return next ? `/entrar?siguiente=${encodeURIComponent(next)}` : '/entrar';
};
