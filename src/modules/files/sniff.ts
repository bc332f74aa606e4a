/**
 * File types accepted as evidence and documents, recognised by their content (never by the name or what the browser
 * says).
 */
export const acceptedTypes = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
} as const;
export type AcceptedType = keyof typeof acceptedTypes;

/** Largest file accepted: 10 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The MIME type of a file from its first bytes, or undefined when it is none of the accepted types. Office Open XML
 * files are ZIPs whose entries live under word/, xl/ or ppt/; OpenDocument files are ZIPs whose first entry is an
 * uncompressed `mimetype` naming their kind.
 */
export function sniffType(bytes: Uint8Array): AcceptedType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    if (head.startsWith('mimetype', 30)) {
      for (const kind of ['text', 'spreadsheet', 'presentation'] as const) {
        if (head.startsWith(`application/vnd.oasis.opendocument.${kind}`, 38))
          return `application/vnd.oasis.opendocument.${kind}`;
      }
      return undefined;
    }
    if (!head.includes('[Content_Types].xml')) return undefined;
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (head.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  }
  return undefined;
}

/** A file name safe for a URL and a Content-Disposition header: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string, type: AcceptedType): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'archivo'}.${acceptedTypes[type]}`;
}
