import { digest } from 'lib0/hash/sha256';

/**
 * JSON with object keys sorted at every level, so the same content always serialises to the
 * same bytes whatever order its fields were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of the canonical serialisation, lower-case hex (WebCrypto: browsers and Node 20). */
export async function contentHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return toHex(new Uint8Array(digest));
}

/**
 * The same SHA-256 as `contentHash`, computed synchronously (lib0's implementation), for
 * readers that decide during a render or a document read whether stored content is what was
 * signed. Same bytes in, same hex out.
 */
export function contentHashSync(value: unknown): string {
  const bytes = digest(new TextEncoder().encode(canonicalJson(value)));
  return toHex(bytes);
}

/** Bytes as lower-case hex, two digits a byte. */
function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
