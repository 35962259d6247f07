import { readChildren, readElement, TAG } from './der.js';
import { type PublicKeyBytes, publicKeyOfSpki } from './public-key.js';

/** An X.509 certificate found in a file: its DER encoding and its public key. */
export interface ParsedCertificate {
  /** The DER encoding; the thumbprint is the SHA-1 of exactly these bytes. */
  readonly der: Uint8Array;
  /** The public key, for matching the certificate to a private key. */
  readonly publicKey: PublicKeyBytes | undefined;
}

/**
 * Reads `der` as one X.509 certificate: SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm
 * SEQUENCE, signature BIT STRING } and nothing after it, with a SubjectPublicKeyInfo in the
 * expected place. Returns `undefined` for anything else. The signature is not checked: the
 * service, not this helper, decides whether it trusts the certificate.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate | undefined {
  const outer = readElement(der, 0);
  if (outer?.tag !== TAG.SEQUENCE || outer.end !== der.length) return undefined;
  const parts = readChildren(der, outer);
  if (parts?.length !== 3) return undefined;
  const [tbs, algorithm, signature] = parts;
  if (tbs?.tag !== TAG.SEQUENCE || algorithm?.tag !== TAG.SEQUENCE) return undefined;
  if (signature?.tag !== TAG.BIT_STRING) return undefined;
  const fields = readChildren(der, tbs);
  if (fields === undefined) return undefined;
  // version [0] EXPLICIT is optional; then serial, signature, issuer, validity, subject, spki.
  const first = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = fields[first];
  const spki = fields[first + 5];
  if (serial?.tag !== TAG.INTEGER || spki?.tag !== TAG.SEQUENCE) return undefined;
  return { der, publicKey: publicKeyOfSpki(der, spki.start) };
}
