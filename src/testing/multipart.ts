/** A file field of a multipart form in a test. */
export interface TestFile {
  name: string;
  filename: string;
  type: string;
  content: Buffer;
}

/**
 * A multipart/form-data body as a browser sends it: the fields (a list: the field once per value, as ticked boxes
 * are sent), then each file field (for app.inject).
 */
export function multipart(fields: Record<string, string | readonly string[]>, files: TestFile[] = []) {
  const boundary = '----cocrea-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, values] of Object.entries(fields))
    for (const value of typeof values === 'string' ? [values] : values)
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
