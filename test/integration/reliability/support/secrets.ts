/**
 * The secrets the reliability suites use, and a scanner that looks for them (or any 12-character
 * piece of them) in everything the client printed. The values avoid words that occur in file
 * paths or messages, so a hit is a leak, not a coincidence.
 */
import { Buffer } from 'node:buffer';

export const ACCOUNT = 'faultacct';
export const ACCOUNT_URL = 'https://faultacct.westeurope.batch.azure.com';
/** Printable, so its base64 decoding can be searched for as text too. */
export const ACCOUNT_KEY_TEXT = 'K3y!Zq8#wPv2@Lm9$Tx4%Hb7^Nc1&Rd6*Gf5(Js0)Yk8_Ue3+Wo2=Ia9~Qs4?Vz';
export const ACCOUNT_KEY = Buffer.from(ACCOUNT_KEY_TEXT, 'latin1').toString('base64');
export const BEARER_TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJodHRwczovL2JhdGNoLmNvcmUud2luZG93cy5uZXQvIn0.Qm9ndXNTaWduYXR1cmVYWVo';
export const CERT_PASSWORD = 'Xq7-pw-9dLk2-Vb8sT';
/** 600 pseudo-random bytes, base64 (800 characters): stands in for a PFX file. */
export const CERT_DATA = Buffer.from(
  Array.from({ length: 600 }, (_, i) => (i * 131 + 17 * (i >> 3) + 7) % 256),
).toString('base64');
export const THUMBPRINT = 'c0ffee0123456789abcdef0123456789abcdef01';

/** A valid add body holding the secret password and data. */
export function secretCertificate(thumbprint = THUMBPRINT) {
  return {
    thumbprint,
    thumbprintAlgorithm: 'sha1' as const,
    data: CERT_DATA,
    certificateFormat: 'pfx' as const,
    password: CERT_PASSWORD,
  };
}

const WINDOW = 12;

export interface SecretHit {
  readonly secret: string;
  readonly piece: string;
  readonly text: string;
}

/**
 * Returns every text that contains a secret or a {@link WINDOW}-character piece of one. `dynamic`
 * adds values seen at run time (Authorization headers, signatures).
 */
export function findSecrets(
  texts: readonly string[],
  dynamic: ReadonlyArray<readonly [string, string]> = [],
): SecretHit[] {
  const secrets: Array<readonly [string, string]> = [
    ['account key', ACCOUNT_KEY],
    ['account key (decoded)', ACCOUNT_KEY_TEXT],
    ['account key (hex)', Buffer.from(ACCOUNT_KEY_TEXT, 'latin1').toString('hex')],
    ['bearer token', BEARER_TOKEN],
    ['certificate password', CERT_PASSWORD],
    ['certificate data', CERT_DATA],
    ...dynamic,
  ];
  const pieces = new Map<string, string>();
  for (const [label, value] of secrets) {
    if (value.length <= WINDOW) pieces.set(value, label);
    for (let i = 0; i + WINDOW <= value.length; i++) pieces.set(value.slice(i, i + WINDOW), label);
  }
  const hits: SecretHit[] = [];
  for (const text of texts) {
    for (let i = 0; i + WINDOW <= text.length; i++) {
      const piece = text.slice(i, i + WINDOW);
      const label = pieces.get(piece);
      if (label !== undefined) {
        hits.push({ secret: label, piece, text: text.slice(Math.max(0, i - 40), i + 60) });
        break;
      }
    }
  }
  return hits;
}

/** The add and get URLs of the fault suites' certificate. */
export const ADD_URL = `${ACCOUNT_URL}/certificates`;
export const GET_URL = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMBPRINT})`;
/** The certificate as the service returns it once added. */
export const ACTIVE_CERTIFICATE = {
  thumbprint: THUMBPRINT,
  thumbprintAlgorithm: 'sha1',
  state: 'active',
};
