// The only file that touches node-forge. It imports forge's per-algorithm files, not its index,
// so bundles get SHA-1/2, HMAC, PBKDF2, AES, 3DES and RC2 but not forge's ASN.1, RSA, big
// integers, TLS and the rest. Everything here is synchronous and works on byte arrays.
import forge from 'node-forge/lib/forge.js';
import 'node-forge/lib/aes.js';
import 'node-forge/lib/des.js';
import 'node-forge/lib/hmac.js';
import 'node-forge/lib/pbkdf2.js';
import 'node-forge/lib/rc2.js';
import 'node-forge/lib/sha1.js';
import 'node-forge/lib/sha256.js';
import 'node-forge/lib/sha512.js';

/** Digests used by PKCS#12 MACs, the PKCS#12 key derivation and PBKDF2 PRFs. */
export type Digest = 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** CBC block ciphers used by PKCS#12 files. */
export type CbcCipher = 'aes' | '3des' | 'rc2-40' | 'rc2-128';

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

function digestOf(digest: Digest) {
  const factory = forge.md[digest];
  if (factory === undefined) throw new Error(`digest ${digest} is not loaded`);
  return factory.create();
}

function repeatTo(source: Uint8Array, multiple: number): Uint8Array {
  const out = new Uint8Array(multiple * Math.ceil(source.length / multiple));
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length] as number;
  return out;
}

/**
 * The PKCS#12 key derivation (RFC 7292 appendix B.2). `password` null means no password bytes at
 * all; a string becomes its UTF-16 code units, big-endian, plus a two-byte terminator (the empty
 * string: just the terminator). Encoders differ on which of the two an empty password means.
 */
export function pkcs12Kdf(input: {
  password: string | null;
  salt: Uint8Array;
  id: 1 | 2 | 3;
  iterations: number;
  length: number;
  digest: Digest;
}): Uint8Array {
  const md = digestOf(input.digest);
  const u = md.digestLength;
  const v = md.blockLength;
  const password = new Uint8Array(input.password === null ? 0 : 2 * input.password.length + 2);
  for (let i = 0; i < (input.password?.length ?? 0); i++) {
    const unit = (input.password as string).charCodeAt(i);
    password[2 * i] = unit >> 8;
    password[2 * i + 1] = unit & 0xff;
  }
  const salted = new Uint8Array([...repeatTo(input.salt, v), ...repeatTo(password, v)]);
  const diversifier = toBinary(new Uint8Array(v).fill(input.id));
  const out = new Uint8Array(u * Math.ceil(input.length / u));
  for (let block = 0; block * u < input.length; block++) {
    let a = md
      .start()
      .update(diversifier + toBinary(salted))
      .digest()
      .getBytes();
    for (let i = 1; i < input.iterations; i++) a = md.start().update(a).digest().getBytes();
    const aBytes = fromBinary(a);
    out.set(aBytes, block * u);
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I, B being A repeated to v bytes.
    const b = repeatTo(aBytes, v);
    for (let j = 0; j < salted.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (salted[j + k] as number) + (b[k] as number) + carry;
        salted[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, input.length);
}

/** HMAC of `data` under `key` with `digest`. */
export function hmac(digest: Digest, key: Uint8Array, data: Uint8Array): Uint8Array {
  const mac = forge.hmac.create();
  mac.start(digestOf(digest), toBinary(key));
  mac.update(toBinary(data));
  return fromBinary(mac.getMac().getBytes());
}

/** PBKDF2 (RFC 8018) over the UTF-8 bytes of `password`, as OpenSSL does inside PKCS#12. */
export function pbkdf2(input: {
  password: string;
  salt: Uint8Array;
  iterations: number;
  length: number;
  digest: Digest;
}): Uint8Array {
  const key = forge.pkcs5.pbkdf2(
    forge.util.encodeUtf8(input.password),
    toBinary(input.salt),
    input.iterations,
    input.length,
    digestOf(input.digest),
  );
  return fromBinary(key);
}

/** CBC decryption with PKCS#7 padding; `undefined` when the padding is wrong (wrong key). */
export function decryptCbc(
  cipher: CbcCipher,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array | undefined {
  const keyBuffer = forge.util.createBuffer(toBinary(key));
  const decipher =
    cipher === 'aes'
      ? forge.aes.createDecryptionCipher(keyBuffer, 'CBC')
      : cipher === '3des'
        ? forge.des.createDecryptionCipher(keyBuffer, 'CBC')
        : forge.rc2.createDecryptionCipher(keyBuffer, cipher === 'rc2-40' ? 40 : 128);
  decipher.start(forge.util.createBuffer(toBinary(iv)), null);
  decipher.update(forge.util.createBuffer(toBinary(data)));
  if (!decipher.finish()) return undefined;
  return fromBinary(decipher.output.getBytes());
}
