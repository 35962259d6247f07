import { CertificateFileError } from './certificate-file-error.js';
import { bytesEqual } from './der.js';
import type { Pkcs12Certificate, Pkcs12Contents } from './pkcs12-reader.js';

/**
 * The certificate of a PKCS#12 file that the service installs with the private key: for each
 * key in bag order, the certificate with the same `localKeyId`, else the one with the same public
 * key. Bag order of certificates never matters, so a CA certificate stored before the leaf is not
 * picked. A file without a key must hold exactly one certificate.
 */
export function selectCertificate(source: string, contents: Pkcs12Contents): Pkcs12Certificate {
  const { certificates, keys } = contents;
  if (certificates.length === 0) {
    throw new CertificateFileError('NO_CERTIFICATE', `${source} holds no certificate`);
  }
  if (keys.length === 0) {
    if (certificates.length === 1) return certificates[0] as Pkcs12Certificate;
    throw new CertificateFileError(
      'AMBIGUOUS_CERTIFICATE',
      `${source} holds ${certificates.length} certificates and no private key, so the certificate to add cannot be chosen`,
    );
  }
  for (const key of keys) {
    const { localKeyId, publicKey } = key;
    const byId = certificates.find(
      (cert) => localKeyId && cert.localKeyId && bytesEqual(cert.localKeyId, localKeyId),
    );
    const byKey = certificates.find(
      (cert) => publicKey && cert.publicKey && bytesEqual(cert.publicKey, publicKey),
    );
    const match = byId ?? byKey;
    if (match !== undefined) return match;
  }
  throw new CertificateFileError(
    'NO_CERTIFICATE',
    `${source} holds ${certificates.length === 1 ? '1 certificate' : `${certificates.length} certificates`} but none belongs to its private key`,
  );
}
