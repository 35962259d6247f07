// The only file that touches node-forge. It imports forge's per-algorithm files rather than its
// index, so bundles get PKCS#12 key derivation, HMAC, 3DES, RC2 and AES but not TLS, SSH, RSA
// key generation and the rest.
import forge from 'node-forge/lib/forge.js';
import 'node-forge/lib/asn1.js';
import 'node-forge/lib/hmac.js';
import 'node-forge/lib/pbe.js';
import 'node-forge/lib/sha1.js';
import 'node-forge/lib/sha256.js';
import 'node-forge/lib/sha512.js';

/** Digests a PKCS#12 MAC may use. */
export type MacDigest = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const PBES2 = '1.2.840.113549.1.5.13';
const PKCS12_3DES = '1.2.840.113549.1.12.1.3';
const PKCS12_RC2_40 = '1.2.840.113549.1.12.1.6';

/** Encryption schemes forge can open (PBES2 with AES or DES; PKCS#12 3DES and 40-bit RC2). */
export const SUPPORTED_ENCRYPTION_OIDS: readonly string[] = [PBES2, PKCS12_3DES, PKCS12_RC2_40];

/** forge's name for an algorithm OID (e.g. `aes256-CBC`), or the dotted OID. */
export function algorithmName(oid: string): string {
  return forge.pki.oids[oid] ?? oid;
}

/** Raised when forge cannot use an algorithm; carries no data, only the algorithm's name. */
export class UnsupportedAlgorithm extends Error {
  constructor(readonly algorithm: string) {
    super(`unsupported algorithm ${algorithm}`);
  }
}

function toBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return out;
}

function fromBinary(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function digestFactory(digest: MacDigest) {
  const factory = forge.md[digest];
  if (factory === undefined) throw new UnsupportedAlgorithm(digest);
  return factory;
}

/**
 * Verifies a PKCS#12 MAC (RFC 7292 appendix B key derivation, then HMAC). `password` null means
 * "no password" (no bytes), the empty string means an empty BMPString (two zero bytes); encoders
 * differ on which they use for an empty password.
 */
export function verifyPkcs12Mac(input: {
  digest: MacDigest;
  password: string | null;
  salt: Uint8Array;
  iterations: number;
  data: Uint8Array;
  expected: Uint8Array;
}): boolean {
  const factory = digestFactory(input.digest);
  const md = factory.create();
  const salt = forge.util.createBuffer(toBinary(input.salt));
  const key = forge.pki.pbe.generatePkcs12Key(
    input.password,
    salt,
    3,
    input.iterations,
    md.digestLength,
    md,
  );
  const hmac = forge.hmac.create();
  hmac.start(factory.create(), key);
  hmac.update(toBinary(input.data));
  return hmac.getMac().getBytes() === toBinary(input.expected);
}

/**
 * Decrypts password-based-encrypted content. `algorithm` is the DER AlgorithmIdentifier's
 * parameters, `oid` its algorithm. PBES2 derives its key from the UTF-8 bytes of the password,
 * the PKCS#12 schemes from its UTF-16 code units (forge's own convention for string passwords),
 * as OpenSSL does. Returns `undefined` when the padding is wrong, i.e. the password is wrong.
 */
export function decryptWithPassword(input: {
  oid: string;
  parameters: Uint8Array;
  password: string | null;
  ciphertext: Uint8Array;
}): Uint8Array | undefined {
  if (!SUPPORTED_ENCRYPTION_OIDS.includes(input.oid)) {
    throw new UnsupportedAlgorithm(algorithmName(input.oid));
  }
  const password = input.password ?? '';
  let cipher: ReturnType<typeof forge.pki.pbe.getCipher>;
  try {
    const parameters = forge.asn1.fromDer(toBinary(input.parameters), { strict: false });
    const secret = input.oid === PBES2 ? forge.util.encodeUtf8(password) : password;
    cipher = forge.pki.pbe.getCipher(input.oid, parameters, secret);
  } catch {
    // forge throws for PBES2 key derivations, ciphers or PRFs it does not know.
    throw new UnsupportedAlgorithm(algorithmName(input.oid));
  }
  cipher.update(forge.util.createBuffer(toBinary(input.ciphertext)));
  if (!cipher.finish()) return undefined;
  return fromBinary(cipher.output.getBytes());
}
