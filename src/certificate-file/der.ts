/** One BER/DER element: its tag byte and where its header and contents lie in the buffer. */
export interface DerElement {
  /** The identifier octet (low-tag-number form only; high tags are refused). */
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just past the contents (for indefinite length: past the end-of-contents octets). */
  readonly end: number;
  /** Offset just past the contents, before any end-of-contents octets. */
  readonly contentEnd: number;
}

/** DER tags used here. */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/**
 * Reads the element at `offset`, bounded by `limit`. Returns `undefined` when the bytes are not a
 * well-formed element (truncated, bad length, high tag number). Indefinite lengths (BER) are
 * followed through nested elements, so PKCS#12 files from BER encoders are recognised too.
 */
export function readElement(
  bytes: Uint8Array,
  offset: number,
  limit = bytes.length,
  depth = 0,
): DerElement | undefined {
  if (depth > 32 || offset + 2 > limit) return undefined;
  const tag = bytes[offset] as number;
  if ((tag & 0x1f) === 0x1f) return undefined;
  const first = bytes[offset + 1] as number;
  let at = offset + 2;
  if (first === 0x80) {
    if ((tag & 0x20) === 0) return undefined;
    const contentStart = at;
    while (at + 2 <= limit) {
      if (bytes[at] === 0 && bytes[at + 1] === 0) {
        return { tag, start: offset, contentStart, contentEnd: at, end: at + 2 };
      }
      const child = readElement(bytes, at, limit, depth + 1);
      if (child === undefined) return undefined;
      at = child.end;
    }
    return undefined;
  }
  let length = first;
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4 || at + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[at++] as number);
  }
  const end = at + length;
  if (end > limit) return undefined;
  return { tag, start: offset, contentStart: at, contentEnd: end, end };
}

/** The elements directly inside a constructed element, or `undefined` if any is malformed. */
export function readChildren(bytes: Uint8Array, parent: DerElement): DerElement[] | undefined {
  const children: DerElement[] = [];
  let at = parent.contentStart;
  while (at < parent.contentEnd) {
    const child = readElement(bytes, at, parent.contentEnd);
    if (child === undefined) return undefined;
    children.push(child);
    at = child.end;
  }
  return children;
}

/** The contents of `element`. */
export function contentOf(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.contentStart, element.contentEnd);
}

/** The whole encoding (header and contents) of `element`. */
export function encodingOf(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.start, element.end);
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Dotted form of an OBJECT IDENTIFIER's contents, e.g. `1.2.840.113549.1.7.1`. */
export function oidToString(content: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  return arcs.join('.');
}

/**
 * The contents of an OCTET STRING, joining the chunks of a constructed (BER) one. `element` may
 * carry an implicit tag; primitive versus constructed is read from its tag byte.
 */
export function octetStringContent(bytes: Uint8Array, element: DerElement): Uint8Array | undefined {
  if ((element.tag & 0x20) === 0) return contentOf(bytes, element);
  const chunks: Uint8Array[] = [];
  for (const child of readChildren(bytes, element) ?? []) {
    const chunk = octetStringContent(bytes, child);
    if (chunk === undefined) return undefined;
    chunks.push(chunk);
  }
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
