import {
  contentOf,
  octetStringContent,
  oidToString,
  readChildren,
  readElement,
  TAG,
} from './der.js';
import { type CbcCipher, type Digest, decryptCbc, pbkdf2, pkcs12Kdf } from './forge-crypto.js';

/** Raised for an encryption scheme we cannot decrypt; carries only the scheme's name. */
export class UnsupportedAlgorithm extends Error {
  constructor(readonly algorithm: string) {
    super(`unsupported algorithm ${algorithm}`);
  }
}

/** Raised for malformed algorithm parameters. */
export class MalformedParameters extends Error {}

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';

/** PKCS#12 PBE schemes (RFC 7292 appendix C): cipher, key length, IV length. SHA-1 always. */
const PKCS12_SCHEMES: Record<string, [CbcCipher, number, number]> = {
  '1.2.840.113549.1.12.1.3': ['3des', 24, 8],
  '1.2.840.113549.1.12.1.5': ['rc2-128', 16, 8],
  '1.2.840.113549.1.12.1.6': ['rc2-40', 5, 8],
};

/** PBES2 encryption schemes: cipher and key length. */
const PBES2_CIPHERS: Record<string, [CbcCipher, number]> = {
  '2.16.840.1.101.3.4.1.2': ['aes', 16],
  '2.16.840.1.101.3.4.1.22': ['aes', 24],
  '2.16.840.1.101.3.4.1.42': ['aes', 32],
  '1.2.840.113549.3.7': ['3des', 24],
};

/** PBKDF2 PRFs. */
const PRFS: Record<string, Digest> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/** Names for messages about schemes we do not support. */
const NAMES: Record<string, string> = {
  [PBES2]: 'PBES2',
  '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
  '1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
};

const nameOf = (oid: string) => NAMES[oid] ?? oid;

function integer(bytes: Uint8Array): number {
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

function fields(bytes: Uint8Array, at: number | undefined) {
  const element = at === undefined ? undefined : readElement(bytes, at);
  const list = element?.tag === TAG.SEQUENCE ? readChildren(bytes, element) : undefined;
  if (list === undefined) throw new MalformedParameters();
  return list;
}

function oidAt(bytes: Uint8Array, element: { tag: number } | undefined): string {
  if (element?.tag !== TAG.OID) throw new MalformedParameters();
  return oidToString(contentOf(bytes, element as Parameters<typeof contentOf>[1]));
}

function octets(bytes: Uint8Array, element: Parameters<typeof contentOf>[1] | undefined) {
  const value = element === undefined ? undefined : octetStringContent(bytes, element);
  if (value === undefined) throw new MalformedParameters();
  return value;
}

/** PBES2 (RFC 8018): PBKDF2 over the password's UTF-8 bytes, then AES- or 3DES-CBC. */
function decryptPbes2(params: Uint8Array, password: string, data: Uint8Array) {
  const [kdf, scheme] = fields(params, 0);
  const [kdfOid, kdfParams] = fields(params, kdf?.start);
  const [schemeOid, iv] = fields(params, scheme?.start);
  const cipherOid = oidAt(params, schemeOid);
  const cipher = PBES2_CIPHERS[cipherOid];
  if (oidAt(params, kdfOid) !== PBKDF2 || cipher === undefined) {
    throw new UnsupportedAlgorithm(`PBES2 with ${cipherOid}`);
  }
  const [salt, count, ...rest] = fields(params, kdfParams?.start);
  const prf = rest.find((field) => field.tag === TAG.SEQUENCE);
  const prfOid =
    prf === undefined ? '1.2.840.113549.2.7' : oidAt(params, fields(params, prf.start)[0]);
  const digest = PRFS[prfOid];
  if (digest === undefined) throw new UnsupportedAlgorithm(`PBES2 with PRF ${prfOid}`);
  if (count?.tag !== TAG.INTEGER) throw new MalformedParameters();
  const key = pbkdf2({
    password,
    salt: octets(params, salt),
    iterations: integer(contentOf(params, count)),
    length: cipher[1],
    digest,
  });
  return decryptCbc(cipher[0], key, octets(params, iv), data);
}

/** PKCS#12 PBE: key and IV from the PKCS#12 KDF (SHA-1, password as BMPString). */
function decryptPkcs12Pbe(
  scheme: [CbcCipher, number, number],
  params: Uint8Array,
  password: string | null,
  data: Uint8Array,
) {
  const [salt, count] = fields(params, 0);
  if (count?.tag !== TAG.INTEGER) throw new MalformedParameters();
  const common = {
    password,
    salt: octets(params, salt),
    iterations: integer(contentOf(params, count)),
    digest: 'sha1' as const,
  };
  const key = pkcs12Kdf({ ...common, id: 1, length: scheme[1] });
  const iv = pkcs12Kdf({ ...common, id: 2, length: scheme[2] });
  return decryptCbc(scheme[0], key, iv, data);
}

/**
 * Decrypts password-based-encrypted content given its AlgorithmIdentifier's OID and DER
 * parameters. Returns `undefined` when the padding is wrong, i.e. the password is wrong.
 * Throws {@link UnsupportedAlgorithm} or {@link MalformedParameters}.
 */
export function decryptWithPassword(
  oid: string,
  parameters: Uint8Array,
  password: string | null,
  data: Uint8Array,
): Uint8Array | undefined {
  if (oid === PBES2) return decryptPbes2(parameters, password ?? '', data);
  const scheme = PKCS12_SCHEMES[oid];
  if (scheme === undefined) throw new UnsupportedAlgorithm(nameOf(oid));
  return decryptPkcs12Pbe(scheme, parameters, password, data);
}
