import { bytesEqual, contentOf, encodingOf, readChildren, readElement, TAG } from './der.js';

/** A public key reduced to bytes that are equal for a certificate and its private key. */
export type PublicKeyBytes = Uint8Array;

const RSA_ENCRYPTION = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);

function isRsa(algorithmOid: Uint8Array): boolean {
  return bytesEqual(algorithmOid, RSA_ENCRYPTION);
}

/** Bytes of a BIT STRING without its unused-bits octet. */
function bitStringBits(bytes: Uint8Array, tagged: { contentStart: number; contentEnd: number }) {
  return bytes.subarray(tagged.contentStart + 1, tagged.contentEnd);
}

/** RSA keys compare by modulus and exponent: the encodings of both INTEGERs, concatenated. */
function rsaModulusAndExponent(bytes: Uint8Array, sequenceAt: number, skipVersion: boolean) {
  const sequence = readElement(bytes, sequenceAt);
  if (sequence?.tag !== TAG.SEQUENCE) return undefined;
  const fields = readChildren(bytes, sequence);
  const [n, e] = skipVersion ? (fields?.slice(1) ?? []) : (fields ?? []);
  if (n?.tag !== TAG.INTEGER || e?.tag !== TAG.INTEGER) return undefined;
  const out = new Uint8Array(n.end - n.start + e.end - e.start);
  out.set(encodingOf(bytes, n));
  out.set(encodingOf(bytes, e), n.end - n.start);
  return out;
}

/**
 * The public key of a SubjectPublicKeyInfo (given as the SPKI element of a certificate): for RSA
 * the modulus and exponent, for any other algorithm the subjectPublicKey bits (an EC point, an
 * Ed25519 key, …).
 */
export function publicKeyOfSpki(bytes: Uint8Array, spkiAt: number): PublicKeyBytes | undefined {
  const spki = readElement(bytes, spkiAt);
  if (spki?.tag !== TAG.SEQUENCE) return undefined;
  const [algorithm, key] = readChildren(bytes, spki) ?? [];
  if (algorithm?.tag !== TAG.SEQUENCE || key?.tag !== TAG.BIT_STRING) return undefined;
  const oid = readChildren(bytes, algorithm)?.[0];
  if (oid?.tag !== TAG.OID) return undefined;
  const bits = bitStringBits(bytes, key);
  if (!isRsa(contentOf(bytes, oid))) return bits;
  return rsaModulusAndExponent(bits, 0, false);
}

/**
 * The public key held in a PKCS#8 PrivateKeyInfo, in the form {@link publicKeyOfSpki} returns:
 * RSA keys carry modulus and exponent; EC keys carry their public point when the encoder wrote it
 * (OpenSSL and Windows do); v2 (OneAsymmetricKey) keys may carry a `publicKey` field. Returns
 * `undefined` when the key does not say, and the caller then relies on `localKeyId`.
 */
export function publicKeyOfPrivateKeyInfo(bytes: Uint8Array): PublicKeyBytes | undefined {
  const info = readElement(bytes, 0);
  if (info?.tag !== TAG.SEQUENCE) return undefined;
  const fields = readChildren(bytes, info) ?? [];
  const [, algorithm, privateKey] = fields;
  if (algorithm?.tag !== TAG.SEQUENCE || privateKey?.tag !== TAG.OCTET_STRING) return undefined;
  const oid = readChildren(bytes, algorithm)?.[0];
  if (oid?.tag !== TAG.OID) return undefined;
  if (isRsa(contentOf(bytes, oid))) {
    return rsaModulusAndExponent(contentOf(bytes, privateKey), 0, true);
  }
  // OneAsymmetricKey v2: publicKey [1] IMPLICIT BIT STRING.
  const v2 = fields.find((field) => field.tag === 0x81);
  if (v2 !== undefined) return bitStringBits(bytes, v2);
  // ECPrivateKey: SEQUENCE { version, privateKey, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }.
  const inner = contentOf(bytes, privateKey);
  const ecKey = readElement(inner, 0);
  if (ecKey?.tag !== TAG.SEQUENCE) return undefined;
  const tagged = readChildren(inner, ecKey)?.find((field) => field.tag === 0xa1);
  const bitString = tagged === undefined ? undefined : readElement(inner, tagged.contentStart);
  if (bitString?.tag !== TAG.BIT_STRING) return undefined;
  return bitStringBits(inner, bitString);
}
