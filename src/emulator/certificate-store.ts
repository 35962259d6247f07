/**
 * Per-account certificate state and its lifecycle: `add` → active; `delete` → deleting → gone,
 * or → deletefailed when a test marked the certificate as in use; `cancelDeletion` →
 * deletefailed → active. Deletions complete lazily: `settle(now)` finishes those whose delay has
 * passed on the injected clock.
 *
 * @module
 */

import { BatchFault } from './batch-fault.js';
import type {
  EmulatedCertificate,
  EmulatedCertificateState,
  EmulatedDeleteCertificateError,
} from './types.js';

type StoredCertificate = {
  -readonly [K in keyof EmulatedCertificate]: EmulatedCertificate[K];
};

interface PendingDeletion {
  dueAt: number;
}

/** What `add` stores. */
export interface NewCertificate {
  readonly thumbprint: string;
  readonly thumbprintAlgorithm: string;
  readonly certificateFormat: 'pfx' | 'cer';
  readonly publicData?: string;
}

/**
 * A thumbprint as the service reads one from a request: white space removed ("it may include
 * spaces but these are removed"), lower case. Colons are not removed here: the client removes them
 * before sending; the test hooks take any form (`canonicalThumbprint`).
 */
export function normalizeThumbprint(thumbprint: string): string {
  return thumbprint.replace(/\s+/g, '').toLowerCase();
}

function deleteError(pools: readonly string[]): EmulatedDeleteCertificateError {
  return {
    code: 'CertificateInUse',
    message:
      'The certificate could not be deleted because it is still used by one or more pools or ' +
      'installed on compute nodes.',
    values: pools.map((pool) => ({ name: 'Pool', value: pool })),
  };
}

/** The certificates of every account. */
export class CertificateStore {
  readonly #accounts = new Map<string, Map<string, StoredCertificate>>();
  readonly #pending = new WeakMap<StoredCertificate, PendingDeletion>();
  readonly #deleteDelayInMs: number;

  constructor(deleteDelayInMs: number) {
    this.#deleteDelayInMs = deleteDelayInMs;
  }

  #account(account: string): Map<string, StoredCertificate> {
    let certificates = this.#accounts.get(account);
    if (!certificates) {
      certificates = new Map();
      this.#accounts.set(account, certificates);
    }
    return certificates;
  }

  #transition(certificate: StoredCertificate, state: EmulatedCertificateState, now: number): void {
    certificate.previousState = certificate.state;
    certificate.previousStateTransitionTime = certificate.stateTransitionTime;
    certificate.state = state;
    certificate.stateTransitionTime = now;
  }

  /**
   * Completes every deletion due at `now`, or every pending deletion when `all` is true; a
   * certificate in use ends in `deletefailed` with `now` as its transition time.
   */
  settle(now: number, all = false): void {
    for (const certificates of this.#accounts.values()) {
      for (const [key, certificate] of certificates) {
        const pending = this.#pending.get(certificate);
        if (certificate.state !== 'deleting' || !pending || (!all && pending.dueAt > now)) {
          continue;
        }
        this.#pending.delete(certificate);
        if (certificate.inUseBy.length === 0) {
          certificates.delete(key);
          continue;
        }
        this.#transition(certificate, 'deletefailed', now);
        certificate.deleteCertificateError = deleteError(certificate.inUseBy);
      }
    }
  }

  /** Looks a certificate up; `undefined` when absent or stored under another algorithm. */
  find(
    account: string,
    thumbprintAlgorithm: string,
    thumbprint: string,
  ): StoredCertificate | undefined {
    const certificate = this.#accounts.get(account)?.get(normalizeThumbprint(thumbprint));
    if (!certificate) return undefined;
    return certificate.thumbprintAlgorithm.toLowerCase() === thumbprintAlgorithm.toLowerCase()
      ? certificate
      : undefined;
  }

  /** Like `find`, but a missing certificate is `404 CertificateNotFound`. */
  get(account: string, thumbprintAlgorithm: string, thumbprint: string): StoredCertificate {
    const certificate = this.find(account, thumbprintAlgorithm, thumbprint);
    if (!certificate) throw new BatchFault('CertificateNotFound');
    return certificate;
  }

  /** An account's certificates sorted by thumbprint. */
  list(account: string): StoredCertificate[] {
    return [...(this.#accounts.get(account)?.values() ?? [])].sort((a, b) =>
      a.thumbprint < b.thumbprint ? -1 : a.thumbprint > b.thumbprint ? 1 : 0,
    );
  }

  /** Adds an active certificate; 409 `CertificateExists` or `CertificateBeingDeleted`. */
  add(account: string, input: NewCertificate, now: number): StoredCertificate {
    const thumbprint = normalizeThumbprint(input.thumbprint);
    const existing = this.#account(account).get(thumbprint);
    if (existing?.state === 'deleting') throw new BatchFault('CertificateBeingDeleted');
    if (existing) throw new BatchFault('CertificateExists');
    const certificate: StoredCertificate = {
      account,
      thumbprint,
      thumbprintAlgorithm: input.thumbprintAlgorithm,
      certificateFormat: input.certificateFormat,
      state: 'active',
      stateTransitionTime: now,
      inUseBy: [],
    };
    if (input.publicData !== undefined) certificate.publicData = input.publicData;
    this.#account(account).set(thumbprint, certificate);
    return certificate;
  }

  /** Starts a deletion (active or deletefailed → deleting); 409 while already deleting. */
  delete(
    account: string,
    thumbprintAlgorithm: string,
    thumbprint: string,
    now: number,
  ): StoredCertificate {
    const certificate = this.get(account, thumbprintAlgorithm, thumbprint);
    if (certificate.state === 'deleting') throw new BatchFault('CertificateBeingDeleted');
    this.#transition(certificate, 'deleting', now);
    delete certificate.deleteCertificateError;
    this.#pending.set(certificate, { dueAt: now + this.#deleteDelayInMs });
    return certificate;
  }

  /** deletefailed → active; 409 `CertificateStateActive` or `CertificateBeingDeleted` otherwise. */
  cancelDeletion(
    account: string,
    thumbprintAlgorithm: string,
    thumbprint: string,
    now: number,
  ): StoredCertificate {
    const certificate = this.get(account, thumbprintAlgorithm, thumbprint);
    if (certificate.state === 'deleting') throw new BatchFault('CertificateBeingDeleted');
    if (certificate.state === 'active') throw new BatchFault('CertificateStateActive');
    this.#transition(certificate, 'active', now);
    delete certificate.deleteCertificateError;
    return certificate;
  }

  /** Sets the pools using a certificate (empty: not in use). Throws when it does not exist. */
  setUsage(account: string, thumbprint: string, pools: readonly string[]): void {
    const certificate = this.#accounts.get(account)?.get(normalizeThumbprint(thumbprint));
    if (!certificate) {
      throw new Error(
        `No certificate '${normalizeThumbprint(thumbprint)}' in account '${account}'.`,
      );
    }
    certificate.inUseBy = [...pools];
  }

  /** Forgets every certificate. */
  clear(): void {
    this.#accounts.clear();
  }
}

/** A detached, frozen copy of a stored certificate. */
export function snapshot(certificate: EmulatedCertificate): EmulatedCertificate {
  return Object.freeze({ ...certificate, inUseBy: Object.freeze([...certificate.inUseBy]) });
}
