// Rewrites an unencrypted, MAC-less PFX written by `openssl pkcs12 -certpbe NONE -keypbe NONE
// -nomac`, so tests can put the CA certificate before the leaf and drop bag attributes
// (localKeyId, friendlyName) — shapes the openssl CLI does not write itself. A tiny DER codec of
// its own keeps it independent of the code under test.

interface Tlv {
  tag: number;
  content: Uint8Array;
}

function readTlv(bytes: Uint8Array, offset: number): Tlv & { end: number } {
  const tag = bytes[offset] as number;
  let length = bytes[offset + 1] as number;
  let at = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[at++] as number);
  }
  return { tag, content: bytes.subarray(at, at + length), end: at + length };
}

function items(content: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < content.length; ) {
    const tlv = readTlv(content, at);
    out.push(tlv);
    at = tlv.end;
  }
  return out;
}

function encode(tag: number, parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let at = header.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const reencode = (tlv: Tlv) => encode(tlv.tag, [tlv.content]);

/** Reverses the bag order inside every SafeContents; optionally drops all bag attributes. */
export function rewritePfx(pfx: Uint8Array, options: { dropAttributes: boolean }): Uint8Array {
  const [version, authSafeInfo] = items(readTlv(pfx, 0).content) as [Tlv, Tlv];
  const [dataOid, wrapped] = items(authSafeInfo.content) as [Tlv, Tlv];
  const authSafe = readTlv(readTlv(wrapped.content, 0).content, 0);
  const infos = items(authSafe.content).map((info) => {
    const [oid, explicit] = items(info.content) as [Tlv, Tlv];
    const safeContents = readTlv(readTlv(explicit.content, 0).content, 0);
    const bags = items(safeContents.content)
      .reverse()
      .map((bag) => {
        const fields = items(bag.content);
        return encode(0x30, (options.dropAttributes ? fields.slice(0, 2) : fields).map(reencode));
      });
    const newSafe = encode(0x30, bags);
    return encode(0x30, [reencode(oid), encode(0xa0, [encode(0x04, [newSafe])])]);
  });
  const newAuthSafe = encode(0x30, infos);
  const content = encode(0x30, [reencode(dataOid), encode(0xa0, [encode(0x04, [newAuthSafe])])]);
  return encode(0x30, [reencode(version), content]);
}
