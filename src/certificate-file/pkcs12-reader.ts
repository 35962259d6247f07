import {
  bytesEqual,
  contentOf,
  type DerElement,
  encodingOf,
  octetStringContent,
  oidToString,
  readChildren,
  readElement,
  TAG,
} from './der.js';
import { type Digest, hmac, pkcs12Kdf } from './forge-crypto.js';
import {
  decryptWithPassword,
  MalformedParameters,
  UnsupportedAlgorithm,
} from './password-based-encryption.js';
import { type PublicKeyBytes, publicKeyOfPrivateKeyInfo } from './public-key.js';
import { type ParsedCertificate, parseCertificate } from './x509.js';

/** A certificate from a PKCS#12 file, with the `localKeyId` attribute of its bag. */
export interface Pkcs12Certificate extends ParsedCertificate {
  readonly localKeyId: Uint8Array | undefined;
}

/** What is known of a private key in a PKCS#12 file (the key itself is not kept). */
export interface Pkcs12Key {
  readonly publicKey: PublicKeyBytes | undefined;
  readonly localKeyId: Uint8Array | undefined;
}

/** The certificates and keys of a PKCS#12 file, in bag order. */
export interface Pkcs12Contents {
  readonly certificates: Pkcs12Certificate[];
  readonly keys: Pkcs12Key[];
}

/** Why a PKCS#12 file could not be read; never carries data or the password. */
export class Pkcs12ReadError extends Error {
  constructor(
    readonly reason: 'malformed' | 'password' | 'unsupported',
    readonly detail = '',
  ) {
    super(`${reason} ${detail}`.trim());
  }
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const MAC_DIGESTS: Record<string, Digest> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const malformed = () => new Pkcs12ReadError('malformed');

function children(bytes: Uint8Array, element: DerElement | undefined, tag?: number) {
  if (element === undefined || (tag !== undefined && element.tag !== tag)) throw malformed();
  const list = readChildren(bytes, element);
  if (list === undefined) throw malformed();
  return list;
}

function oidOf(bytes: Uint8Array, element: DerElement | undefined): string {
  if (element?.tag !== TAG.OID) throw malformed();
  return oidToString(contentOf(bytes, element));
}

function octets(bytes: Uint8Array, element: DerElement | undefined): Uint8Array {
  const content = element === undefined ? undefined : octetStringContent(bytes, element);
  if (content === undefined) throw malformed();
  return content;
}

/** The [0] EXPLICIT content of a ContentInfo or SafeBag. */
function explicitContent(bytes: Uint8Array, element: DerElement | undefined): DerElement {
  const [inner] = children(bytes, element, 0xa0);
  if (inner === undefined) throw malformed();
  return inner;
}

/** True when `bytes` has the outer shape of a PFX: SEQUENCE { INTEGER 3, ContentInfo, ... }. */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  const outer = readElement(bytes, 0);
  if (outer?.tag !== TAG.SEQUENCE || outer.end !== bytes.length) return false;
  const [version, authSafe] = readChildren(bytes, outer) ?? [];
  if (version?.tag !== TAG.INTEGER || authSafe?.tag !== TAG.SEQUENCE) return false;
  const value = contentOf(bytes, version);
  return value.length === 1 && value[0] === 3;
}

function localKeyIdOf(bytes: Uint8Array, attributes: DerElement | undefined) {
  if (attributes === undefined) return undefined;
  for (const attribute of children(bytes, attributes, 0x31)) {
    const [type, values] = children(bytes, attribute, TAG.SEQUENCE);
    if (oidOf(bytes, type) !== OID.localKeyId) continue;
    const [value] = children(bytes, values, 0x31);
    return value === undefined ? undefined : octets(bytes, value);
  }
  return undefined;
}

function decrypt(
  bytes: Uint8Array,
  algorithm: DerElement,
  ciphertext: Uint8Array,
  pw: string | null,
) {
  const [oidElement, parameters] = children(bytes, algorithm, TAG.SEQUENCE);
  const oid = oidOf(bytes, oidElement);
  if (parameters === undefined) throw malformed();
  let plain: Uint8Array | undefined;
  try {
    plain = decryptWithPassword(oid, encodingOf(bytes, parameters), pw, ciphertext);
  } catch (error) {
    if (error instanceof UnsupportedAlgorithm) {
      throw new Pkcs12ReadError('unsupported', error.algorithm);
    }
    throw error instanceof MalformedParameters ? malformed() : error;
  }
  if (plain === undefined) throw new Pkcs12ReadError('password');
  return plain;
}

function readSafeContents(safe: Uint8Array, pw: string | null, out: Pkcs12Contents, depth = 0) {
  const top = readElement(safe, 0);
  if (depth > 4 || top?.tag !== TAG.SEQUENCE) throw malformed();
  for (const bag of children(safe, top)) {
    const [type, value, attributes] = children(safe, bag, TAG.SEQUENCE);
    const bagType = oidOf(safe, type);
    const inner = explicitContent(safe, value);
    const localKeyId = localKeyIdOf(safe, attributes);
    if (bagType === OID.keyBag) {
      const publicKey = publicKeyOfPrivateKeyInfo(encodingOf(safe, inner));
      out.keys.push({ publicKey, localKeyId });
    } else if (bagType === OID.shroudedKeyBag) {
      const [algorithm, encrypted] = children(safe, inner, TAG.SEQUENCE);
      if (algorithm === undefined) throw malformed();
      const plain = decrypt(safe, algorithm, octets(safe, encrypted), pw);
      out.keys.push({ publicKey: publicKeyOfPrivateKeyInfo(plain), localKeyId });
    } else if (bagType === OID.certBag) {
      const [certType, certValue] = children(safe, inner, TAG.SEQUENCE);
      if (oidOf(safe, certType) !== OID.x509Certificate) continue;
      const certificate = parseCertificate(octets(safe, explicitContent(safe, certValue)).slice());
      if (certificate === undefined) throw malformed();
      out.certificates.push({ ...certificate, localKeyId });
    } else if (bagType === OID.safeContentsBag) {
      readSafeContents(encodingOf(safe, inner), pw, out, depth + 1);
    }
  }
}

function readAuthenticatedSafe(authSafe: Uint8Array, pw: string | null): Pkcs12Contents {
  const out: Pkcs12Contents = { certificates: [], keys: [] };
  const top = readElement(authSafe, 0);
  for (const info of children(authSafe, top, TAG.SEQUENCE)) {
    const [type, content] = children(authSafe, info, TAG.SEQUENCE);
    const contentType = oidOf(authSafe, type);
    if (contentType === OID.data) {
      readSafeContents(octets(authSafe, explicitContent(authSafe, content)), pw, out);
    } else if (contentType === OID.encryptedData) {
      const [, encryptedInfo] = children(
        authSafe,
        explicitContent(authSafe, content),
        TAG.SEQUENCE,
      );
      const [, algorithm, encrypted] = children(authSafe, encryptedInfo, TAG.SEQUENCE);
      if (algorithm === undefined || (encrypted?.tag !== 0x80 && encrypted?.tag !== 0xa0)) {
        throw malformed();
      }
      const plain = decrypt(authSafe, algorithm, octets(authSafe, encrypted), pw);
      try {
        readSafeContents(plain, pw, out);
      } catch (error) {
        // Without a MAC a wrong password can still pass the padding check and yield garbage.
        throw error instanceof Pkcs12ReadError && error.reason === 'malformed'
          ? new Pkcs12ReadError('password')
          : error;
      }
    } else {
      throw new Pkcs12ReadError('unsupported', `content type ${contentType}`);
    }
  }
  return out;
}

function macPassword(
  bytes: Uint8Array,
  macData: DerElement,
  authSafe: Uint8Array,
  tries: (string | null)[],
) {
  const [digestInfo, salt, iterations] = children(bytes, macData, TAG.SEQUENCE);
  const [algorithm, digest] = children(bytes, digestInfo, TAG.SEQUENCE);
  const digestOid = oidOf(bytes, children(bytes, algorithm, TAG.SEQUENCE)[0]);
  const digestName = MAC_DIGESTS[digestOid];
  if (digestName === undefined) throw new Pkcs12ReadError('unsupported', `MAC ${digestOid}`);
  let count = 1;
  if (iterations !== undefined) {
    count = contentOf(bytes, iterations).reduce((sum, byte) => sum * 256 + byte, 0);
  }
  const macSalt = octets(bytes, salt);
  const expected = octets(bytes, digest);
  return tries.find((password) => {
    const key = pkcs12Kdf({
      password,
      salt: macSalt,
      id: 3,
      iterations: count,
      length: expected.length,
      digest: digestName,
    });
    return bytesEqual(hmac(digestName, key, authSafe), expected);
  });
}

/**
 * Opens a PKCS#12 file. With a MAC (password integrity mode), the MAC decides whether the
 * password is right; without one, decryption does. `password` undefined tries the empty password
 * both ways encoders write it. Throws {@link Pkcs12ReadError}.
 */
export function readPkcs12(bytes: Uint8Array, password: string | undefined): Pkcs12Contents {
  const [version, authSafeInfo, macData] = children(bytes, readElement(bytes, 0), TAG.SEQUENCE);
  if (version?.tag !== TAG.INTEGER) throw malformed();
  const [type, content] = children(bytes, authSafeInfo, TAG.SEQUENCE);
  const contentType = oidOf(bytes, type);
  if (contentType !== OID.data) {
    throw new Pkcs12ReadError('unsupported', `integrity mode ${contentType}`);
  }
  const authSafe = octets(bytes, explicitContent(bytes, content));
  const tries: (string | null)[] =
    password === undefined || password === '' ? ['', null] : [password];
  if (macData !== undefined) {
    const verified = macPassword(bytes, macData, authSafe, tries);
    if (verified === undefined) throw new Pkcs12ReadError('password');
    return readAuthenticatedSafe(authSafe, verified);
  }
  let failure: unknown;
  for (const candidate of tries) {
    try {
      return readAuthenticatedSafe(authSafe, candidate);
    } catch (error) {
      failure = error;
      if (!(error instanceof Pkcs12ReadError && error.reason === 'password')) break;
    }
  }
  throw failure;
}
