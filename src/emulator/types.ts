/**
 * Public types of the Batch certificates emulator.
 *
 * @module
 */

import type { ValidatorModule } from '../client/validator-module.js';
import type { OperationTable } from '../table/operation-table.js';

/**
 * How the emulator answers certificate calls.
 *
 * - `classic`: the behaviour before February 2024 (certificates can be added, listed, read,
 *   deleted and restored).
 * - `retired`: what the live service answers today: every certificate call that passes the
 *   version and authentication checks gets `400 CertificateRetired`.
 */
export type BatchEmulatorMode = 'classic' | 'retired';

/** A Batch account the emulator accepts Shared Key signatures for. */
export interface BatchEmulatorAccount {
  /** The account name, as it appears in `Authorization: SharedKey <name>:<signature>`. */
  readonly name: string;
  /** The base64-encoded account key. Kept in a private field, never printed or logged. */
  readonly key: string;
}

/** Options of {@link createBatchEmulator}. Every option has a default; see each one. */
export interface BatchEmulatorOptions {
  /** Behaviour of certificate calls. Default `classic`. */
  readonly mode?: BatchEmulatorMode;
  /**
   * Accounts whose Shared Key signatures are accepted. Default: one account named
   * `EMULATOR_ACCOUNT_NAME` with the well-known key `EMULATOR_ACCOUNT_KEY`.
   */
  readonly accounts?: readonly BatchEmulatorAccount[];
  /**
   * Checks a bearer token (`Authorization: Bearer <token>`). Default: none, so every bearer token
   * is rejected with `403 AuthenticationFailed`.
   */
  readonly verifyToken?: (token: string) => boolean | Promise<boolean>;
  /** The emulator's clock in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** Creates `request-id` values. Default `crypto.randomUUID()`. */
  readonly randomUUID?: () => string;
  /** Waits for `delayNext` faults. Default: a `setTimeout`-based sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * How long (on the emulator's clock) a certificate stays `deleting`. A deletion completes on the
   * first request, or state read through a hook, at or after this delay. Default
   * `DEFAULT_DELETE_DELAY_IN_MS` (30 seconds): like the service, a Get right after Delete shows
   * `deleting` and a Cancel Deletion answers `409 CertificateBeingDeleted`. `0` makes the next
   * request see the outcome; `completeDeletions()` completes every deletion at once.
   *
   * @throws TypeError (from `createBatchEmulator`) for a negative value or NaN.
   */
  readonly deleteDelayInMs?: number;
  /** Largest accepted request body in bytes; larger → `413 RequestBodyTooLarge`. Default 1 MiB. */
  readonly maxRequestBodyBytes?: number;
  /** Largest accepted distance between `ocp-date`/`Date` and the clock. Default 15 minutes. */
  readonly maxClockSkewInMs?: number;
  /**
   * The specs to serve: each a generated module's operation table, validators and API versions
   * (`npm run generate` exports all three from its `index.ts`). A request is checked against the
   * spec whose `apiVersions` hold its `api-version`, so one emulator serves several API versions'
   * wire forms (e.g. `timeout` in 2024-07-01.20.0, `timeOut` in 2025-06-01.21.0). The operations
   * must have the client names of the certificate operations (`certificate.add`, …): generate a
   * newer spec with `openapi/BatchService.overlay.json`, which pins them.
   * Default: the spec this package ships (`SUPPORTED_API_VERSIONS`).
   */
  readonly specs?: readonly EmulatedSpec[];
  /** Accepted `api-version` values, replacing those of `specs`. Default: every spec's. */
  readonly apiVersions?: readonly string[];
  /**
   * The path the operations are served under, as behind a gateway: `'/batch/acct1'` serves
   * `/batch/acct1/certificates`, and clients use the account URL `https://host/batch/acct1`.
   * Default `''`: the operations are served at the root. Only these paths are served: an operation
   * path after any other prefix (including an account URL that already ends in `/certificates`)
   * answers `400 InvalidUri` with a `Reason`. A trailing `/` is dropped.
   *
   * @throws TypeError (from `createBatchEmulator`) unless it is `''` or starts with `/`, has
   *   segments of URL path characters (none empty, `.` or `..`), and names none of the API's
   *   collections (`/certificates`).
   */
  readonly pathPrefix?: string;
}

/** A generated module, as the emulator serves it. */
export interface EmulatedSpec {
  readonly operations: OperationTable;
  readonly validators: ValidatorModule;
  /** The first is the spec's own version; the others have the same wire form. */
  readonly apiVersions: readonly string[];
}

/** Wire names of the certificate states (the service sends `deletefailed` in lower case). */
export type EmulatedCertificateState = 'active' | 'deleting' | 'deletefailed';

/** Why a deletion failed, as the service reports it in `deleteCertificateError`. */
export interface EmulatedDeleteCertificateError {
  readonly code: string;
  readonly message: string;
  readonly values: readonly { readonly name: string; readonly value: string }[];
}

/**
 * A snapshot of a stored certificate, for assertions. Holds no secret: neither the password nor,
 * for `pfx` certificates, the data is kept by the emulator.
 */
export interface EmulatedCertificate {
  readonly account: string;
  /** Normalised thumbprint: spaces removed, lower case. */
  readonly thumbprint: string;
  readonly thumbprintAlgorithm: string;
  readonly certificateFormat: 'pfx' | 'cer';
  readonly state: EmulatedCertificateState;
  /** Epoch milliseconds on the emulator's clock. */
  readonly stateTransitionTime: number;
  readonly previousState?: EmulatedCertificateState;
  readonly previousStateTransitionTime?: number;
  /** The base64 `.cer` data (only for `cer` certificates). */
  readonly publicData?: string;
  /** Pool names a test marked as using the certificate (see `markInUse`). */
  readonly inUseBy: readonly string[];
  readonly deleteCertificateError?: EmulatedDeleteCertificateError;
}

/** One entry of the request log. Holds no secret: `Authorization` values are redacted. */
export interface BatchEmulatorRequestLogEntry {
  readonly method: string;
  readonly url: string;
  /** Request headers, names lower-cased; `authorization` keeps only its scheme and account. */
  readonly headers: Readonly<Record<string, string>>;
  /** The operation the request was routed to, when it matched one. */
  readonly operationId?: string;
  /** The response status; absent when the request was dropped (`faults.dropNext`). */
  readonly status?: number;
  /** The `request-id` the emulator answered with; absent when dropped. */
  readonly requestId?: string;
  /** The service error code of an error response. */
  readonly errorCode?: string;
}

/** Options of `faults.throttleNext`. */
export interface ThrottleFaultOptions {
  /** `429` (default) or `503`. */
  readonly status?: 429 | 503;
  /** The `Retry-After` value: seconds, or an HTTP date string. Omitted when not given. */
  readonly retryAfter?: number | string;
}

/** Options of `faults.failNext`. */
export interface FailFaultOptions {
  /** HTTP status of the failure. Default 500. */
  readonly status?: number;
  /** Service error code. Default `InternalError` (`ServerBusy` for 503). */
  readonly code?: string;
}

/**
 * Fault injection for tests. Each call schedules a plan for the next `count` requests; plans are
 * consumed one per request in the order they were scheduled, before any other check.
 */
export interface BatchEmulatorFaults {
  /** Answer the next `count` requests with 429 (or 503) and an optional `Retry-After`. */
  throttleNext(count: number, options?: ThrottleFaultOptions): void;
  /** Answer the next `count` requests with a server error (500 `InternalError` by default). */
  failNext(count: number, statusOrOptions?: number | FailFaultOptions): void;
  /** Wait `ms` (through the injected sleep) before handling each of the next `count` requests. */
  delayNext(count: number, ms: number): void;
  /**
   * Drop the next `count` requests: `handle` rejects with `EmulatedNetworkError`, the HTTP server
   * destroys the socket, the msw handlers answer with a network error.
   */
  dropNext(count: number): void;
  /** How many requests still have a fault scheduled. */
  readonly pending: number;
  /** Cancels every scheduled fault. */
  clear(): void;
}

/**
 * The emulator: a fetch-shaped handler plus state and test hooks. Create it with
 * `createBatchEmulator`.
 */
export interface BatchEmulator {
  /** Answers one request like the Batch service would. Rejects only for dropped requests. */
  handle(request: Request): Promise<Response>;
  /** Fault injection hooks. */
  readonly faults: BatchEmulatorFaults;
  /** The current mode. */
  readonly mode: BatchEmulatorMode;
  /** Switches between `classic` and `retired`; stored certificates are kept. */
  setMode(mode: BatchEmulatorMode): void;
  /** Names of the configured accounts (never their keys). */
  readonly accountNames: readonly string[];
  /** The path the operations are served under (`''` = the root; no trailing `/`): `options.pathPrefix`. */
  readonly pathPrefix: string;
  /** A copy of the request log, oldest first. */
  readonly requests: readonly BatchEmulatorRequestLogEntry[];
  /** Empties the request log. */
  clearRequests(): void;
  /** Snapshots of an account's certificates (default: the first account), sorted by thumbprint. */
  certificates(account?: string): EmulatedCertificate[];
  /**
   * A snapshot of one certificate; `undefined` when absent. The thumbprint may be written in any
   * form the client accepts (spaces, colons, invisible marks, any case), as in the hooks below.
   */
  certificate(account: string, thumbprint: string): EmulatedCertificate | undefined;
  /**
   * Marks a certificate as used by pools, so its next deletion ends in `deletefailed`.
   *
   * @throws Error when the certificate does not exist.
   */
  markInUse(account: string, thumbprint: string, pools?: readonly string[]): void;
  /** Removes every use of a certificate, so a new deletion succeeds. */
  markNotInUse(account: string, thumbprint: string): void;
  /**
   * Completes every pending deletion now, whatever the delay: certificates not in use are gone,
   * those marked in use end in `deletefailed` with the clock's current time as their
   * `stateTransitionTime`.
   */
  completeDeletions(): void;
  /** Forgets every certificate, scheduled fault and log entry; the mode is kept. */
  reset(): void;
}
