/**
 * The emulator core: a fetch-shaped handler over the generated operation table.
 *
 * Checks run in this order (each failure answers at once):
 * 1. scheduled faults (`faults.*`), before anything else, like a front end would;
 * 2. route (only the emulator's own paths, under its `pathPrefix`): known path with another
 *    method → 405; a certificates path no operation has, an operation path after another prefix,
 *    or a path outside the prefix → 400 `InvalidUri`; any other path (pools, jobs, …) → 400
 *    `UnsupportedByEmulator`;
 * 3. `api-version`: missing → 400 `MissingRequiredQueryParameter`, unsupported → 400
 *    `InvalidQueryParameterValue`;
 * 4. authentication (Shared Key with the 15-minute date window, or bearer) → 403
 *    `AuthenticationFailed`;
 * 5. `retired` mode → 400 `CertificateRetired` (so unauthenticated callers learn nothing);
 * 6. path, query and header parameters (generated `_parameters` validator);
 * 7. body: size, Content-Type, JSON, generated `_body` validator;
 * 8. the operation against the stored state.
 *
 * @module
 */

import { operations } from '../../generated/operations.js';
import * as validators from '../../generated/validators.js';
import { BATCH_ACCOUNT_NAME_RULE, isBatchAccountName } from '../auth/batch-account-name.js';
import { collectionSegments } from '../table/collection-segments.js';
import type { OperationSpec } from '../table/operation-table.js';
import { isBase64 } from '../util/base64.js';
import { canonicalThumbprint } from '../util/canonical-thumbprint.js';
import { authenticate } from './authenticate.js';
import { BatchFault, EmulatedNetworkError } from './batch-fault.js';
import { CERTIFICATE_OPERATIONS } from './certificate-operations.js';
import { CertificateStore, snapshot } from './certificate-store.js';
import { checkBody } from './check-body.js';
import { checkApiVersion, checkParameters, queryValues } from './check-parameters.js';
import {
  CERTIFICATE_RETIRED_REASON,
  DEFAULT_DELETE_DELAY_IN_MS,
  DEFAULT_MAX_CLOCK_SKEW_IN_MS,
  DEFAULT_MAX_REQUEST_BODY_BYTES,
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  SUPPORTED_API_VERSIONS,
} from './constants.js';
import { errorResponse } from './error-response.js';
import { FaultInjector } from './fault-injector.js';
import { checkPathPrefix } from './path-prefix.js';
import { clientRequestIdToEcho, type RequestContext } from './request-context.js';
import { headersForLog } from './request-log.js';
import { createRouter, type RouteMatch } from './router.js';
import type {
  BatchEmulator,
  BatchEmulatorMode,
  BatchEmulatorOptions,
  BatchEmulatorRequestLogEntry,
  EmulatedCertificate,
  EmulatedSpec,
} from './types.js';

/**
 * The spec this package ships (API 2024-07-01.20.0 and the earlier versions with its wire form),
 * as the emulator serves it by default. Pass it with another to serve both:
 * `createBatchEmulator({ specs: [DEFAULT_EMULATED_SPEC, await import('./my-generated/index.js')] })`.
 */
export const DEFAULT_EMULATED_SPEC: EmulatedSpec = {
  operations,
  validators,
  apiVersions: SUPPORTED_API_VERSIONS,
};

/** A spec with its router, built once. */
interface ServedSpec {
  readonly spec: EmulatedSpec;
  readonly route: ReturnType<typeof createRouter>;
}

/** The request log keeps the most recent entries only. */
export const REQUEST_LOG_LIMIT = 10_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function checkMode(mode: string): BatchEmulatorMode {
  if (mode !== 'classic' && mode !== 'retired') {
    throw new TypeError("The emulator mode must be 'classic' or 'retired'.");
  }
  return mode;
}

class BatchEmulatorCore implements BatchEmulator {
  readonly faults: FaultInjector;
  readonly accountNames: readonly string[];
  readonly pathPrefix: string;
  readonly #keys = new Map<string, string>();
  readonly #store: CertificateStore;
  readonly #log: BatchEmulatorRequestLogEntry[] = [];
  readonly #specs: readonly ServedSpec[];
  readonly #now: () => number;
  readonly #randomUUID: () => string;
  readonly #verifyToken: BatchEmulatorOptions['verifyToken'];
  readonly #maxBodyBytes: number;
  readonly #maxSkew: number;
  readonly #apiVersions: readonly string[];
  #mode: BatchEmulatorMode;

  constructor(options: BatchEmulatorOptions) {
    const accounts = options.accounts ?? [
      { name: EMULATOR_ACCOUNT_NAME, key: EMULATOR_ACCOUNT_KEY },
    ];
    if (accounts.length === 0) throw new TypeError('At least one emulator account is required.');
    for (const account of accounts) {
      if (!isBatchAccountName(account.name)) {
        throw new TypeError(
          `Emulator account names must be Batch account names, ${BATCH_ACCOUNT_NAME_RULE} (the value is not shown).`,
        );
      }
      if (!isBase64(account.key)) {
        throw new TypeError(`The key of emulator account '${account.name}' must be base64.`);
      }
      this.#keys.set(account.name, account.key);
    }
    this.accountNames = Object.freeze(accounts.map((a) => a.name));
    this.#mode = checkMode(options.mode ?? 'classic');
    this.#now = options.now ?? Date.now;
    this.#randomUUID = options.randomUUID ?? (() => globalThis.crypto.randomUUID());
    this.#verifyToken = options.verifyToken;
    this.#maxBodyBytes = options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES;
    this.#maxSkew = options.maxClockSkewInMs ?? DEFAULT_MAX_CLOCK_SKEW_IN_MS;
    const specs = options.specs ?? [DEFAULT_EMULATED_SPEC];
    if (specs.length === 0) throw new TypeError('The emulator needs at least one spec to serve.');
    const collections = [...new Set(specs.flatMap((s) => collectionSegments(s.operations)))];
    const prefix = checkPathPrefix(options.pathPrefix ?? '', collections);
    if (!prefix.ok) throw new TypeError(`pathPrefix ${prefix.problem}.`);
    this.pathPrefix = prefix.prefix;
    this.#specs = specs.map((spec) => ({
      spec,
      route: createRouter(spec.operations, this.pathPrefix),
    }));
    this.#apiVersions = options.apiVersions ?? [...new Set(specs.flatMap((s) => s.apiVersions))];
    const deleteDelay = options.deleteDelayInMs ?? DEFAULT_DELETE_DELAY_IN_MS;
    if (!(deleteDelay >= 0)) {
      throw new TypeError('deleteDelayInMs must be a number of milliseconds, 0 or more.');
    }
    this.#store = new CertificateStore(deleteDelay);
    this.faults = new FaultInjector(options.sleep ?? defaultSleep);
  }

  get mode(): BatchEmulatorMode {
    return this.#mode;
  }

  setMode(mode: BatchEmulatorMode): void {
    this.#mode = checkMode(mode);
  }

  get requests(): readonly BatchEmulatorRequestLogEntry[] {
    return [...this.#log];
  }

  clearRequests(): void {
    this.#log.length = 0;
  }

  certificates(account: string = this.accountNames[0]!): EmulatedCertificate[] {
    this.#store.settle(this.#now());
    return this.#store.list(account).map(snapshot);
  }

  certificate(account: string, thumbprint: string): EmulatedCertificate | undefined {
    this.#store.settle(this.#now());
    const found = this.#store
      .list(account)
      .find((c) => c.thumbprint === canonicalThumbprint(thumbprint));
    return found && snapshot(found);
  }

  markInUse(account: string, thumbprint: string, pools: readonly string[] = ['pool-1']): void {
    if (pools.length === 0) throw new TypeError('markInUse needs at least one pool name.');
    this.#store.setUsage(account, canonicalThumbprint(thumbprint), pools);
  }

  markNotInUse(account: string, thumbprint: string): void {
    this.#store.setUsage(account, canonicalThumbprint(thumbprint), []);
  }

  completeDeletions(): void {
    this.#store.settle(this.#now(), true);
  }

  reset(): void {
    this.#store.clear();
    this.faults.clear();
    this.#log.length = 0;
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const entry: {
      -readonly [K in keyof BatchEmulatorRequestLogEntry]: BatchEmulatorRequestLogEntry[K];
    } = {
      method: request.method,
      url: url.href,
      headers: headersForLog(request.headers),
    };
    this.#log.push(entry);
    // A long-running emulator (the `batch-rest emulator` command) must not grow without bound.
    if (this.#log.length > REQUEST_LOG_LIMIT)
      this.#log.splice(0, this.#log.length - REQUEST_LOG_LIMIT);
    const now = this.#now();
    const echo = clientRequestIdToEcho(request.headers);
    let context: RequestContext = {
      requestId: this.#randomUUID(),
      now,
      url,
      serviceRoot: url.origin,
      ...(echo === undefined ? {} : { echoClientRequestId: echo }),
    };
    let response: Response;
    try {
      await this.faults.apply();
      this.#store.settle(now);
      const route = this.#specs[0]!.route(request.method, url);
      entry.operationId = route.operation.operationId;
      context = { ...context, serviceRoot: route.serviceRoot };
      response = await this.#process(request, context, route);
    } catch (error) {
      if (error instanceof EmulatedNetworkError) throw error;
      const fault =
        error instanceof BatchFault
          ? error
          : new BatchFault('InternalError', [{ key: 'Reason', value: String(error) }]);
      response = errorResponse(context, fault);
      entry.errorCode = fault.code;
    }
    entry.status = response.status;
    entry.requestId = context.requestId;
    return response;
  }

  async #process(request: Request, context: RequestContext, route: RouteMatch): Promise<Response> {
    const query = queryValues(context.url);
    const apiVersion = checkApiVersion(query, this.#apiVersions);
    // The spec of that version checks the request (its parameter names and rules).
    const served =
      this.#specs.find((s) => s.spec.apiVersions.includes(apiVersion)) ?? this.#specs[0]!;
    const { operation, pathParams } =
      served === this.#specs[0] ? route : served.route(request.method, context.url);
    const body = new Uint8Array(await request.arrayBuffer());
    const account = await authenticate(
      {
        method: request.method,
        url: context.url,
        headers: request.headers,
        bodyLength: body.length,
      },
      context.now,
      {
        keyOf: (name) => this.#keys.get(name),
        accountNames: this.accountNames,
        verifyToken: this.#verifyToken,
        maxClockSkewInMs: this.#maxSkew,
      },
    );
    if (this.#mode === 'retired') {
      throw new BatchFault('CertificateRetired', [
        { key: 'Reason', value: CERTIFICATE_RETIRED_REASON },
      ]);
    }
    const { validators } = served.spec;
    checkParameters(operation, validators, pathParams, query, request.headers);
    const parsedBody = checkBody(operation, validators, request.headers, body, this.#maxBodyBytes);
    const handler = CERTIFICATE_OPERATIONS[clientName(operation)];
    if (!handler) throw new BatchFault('NotImplemented');
    return handler({
      context,
      account,
      apiVersion,
      pathParams,
      query,
      body: parsedBody,
      store: this.#store,
    });
  }
}

function clientName(operation: OperationSpec): string {
  return `${operation.group}.${operation.method}`;
}

/**
 * Creates an in-memory emulator of the Batch certificate operations.
 *
 * @param options - Mode, accounts, token verifier, clock, ids, sleep and limits; all optional.
 * @returns The emulator: `handle(request)` answers like the service, the rest are test hooks.
 * @throws TypeError for an invalid mode, account name or key, path prefix or deletion delay.
 */
export function createBatchEmulator(options: BatchEmulatorOptions = {}): BatchEmulator {
  return new BatchEmulatorCore(options);
}
