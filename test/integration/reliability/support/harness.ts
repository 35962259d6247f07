/**
 * Shared set-up of the fault-injection suites: an msw server that fails on unhandled requests, a
 * client whose clock, jitter, request ids and sleep are injected (no real waiting), a record of
 * every attempt as it arrived at the server, and a journal of everything the client printed or
 * threw so each suite can end with a secret scan. The client sends through its default transport
 * (`node:http` in jest's `node-http` project, `fetch` in the `fetch` project; msw intercepts both),
 * so every fault runs on both transports.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, jest } from '@jest/globals';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import {
  BatchClient,
  type BatchClientOptions,
  type BatchCredential,
  BatchSharedKeyCredential,
} from '../../../../src/index.js';
import {
  referenceRequestFromArrived,
  type WireRequestSnapshot,
} from '../../../support/reference-shared-key.js';
import { ACCOUNT, ACCOUNT_KEY, ACCOUNT_URL } from './secrets.js';

/** 2025-01-15T08:00:00Z: whole seconds, so HTTP dates convert back exactly. */
export const START_MS = Date.UTC(2025, 0, 15, 8, 0, 0);
/** How far the clock moves while one attempt is on the wire. */
export const ROUND_TRIP_MS = 1000;

/** Everything the suites saw the client print or throw, for the secret scan. */
export const journal = {
  texts: [] as string[],
  authorizations: [] as string[],
};

/** Records an error in every printed form: message, stack, inspect, JSON and String. */
export function journalError(error: unknown): void {
  const e = error as { message?: unknown; stack?: unknown };
  journal.texts.push(
    String(e?.message),
    String(e?.stack),
    String(error),
    inspect(error, { showHidden: true, depth: 10 }),
    JSON.stringify(error) ?? '',
  );
}

/** Awaits a call and returns its error (journalled), failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    journalError(error);
    return error as Error;
  }
  throw new Error('expected the call to reject');
}

/**
 * Timers created in this realm (by the client and by msw, not by Node's own fetch) that have
 * neither fired nor been cleared. `process.getActiveResourcesInfo()` was tried first, but its
 * 'Timeout' count also moves with undici's connection keep-alive timer, so it is not
 * deterministic; tracking `setTimeout`/`clearTimeout` here sees exactly the timers that matter.
 */
const liveTimers = new Set<unknown>();
export function pendingTimers(): number {
  return liveTimers.size;
}

function installTimerTracking(): () => void {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  globalThis.setTimeout = ((
    callback: (...a: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    const handle = realSet(() => {
      liveTimers.delete(handle);
      callback(...args);
    }, ms);
    liveTimers.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    liveTimers.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  return () => {
    globalThis.setTimeout = realSet;
    globalThis.clearTimeout = realClear;
  };
}

/**
 * One msw server per suite (unhandled requests are errors), plus console and process-warning
 * capture into the journal. Unhandled rejections need no listener here: jest 30 fails the test
 * in which one happens.
 */
export function useFaultServer() {
  const server = setupServer();
  activeServer = server;
  let reached = 0;
  server.events.on('request:start', () => {
    reached++;
  });

  const onWarning = (warning: Error) => journal.texts.push(inspect(warning), warning.message);
  const spies: Array<{ mockRestore(): void }> = [];
  let untrackTimers = () => {};
  beforeAll(() => {
    server.listen({ onUnhandledFrame: 'error' });
    untrackTimers = installTimerTracking();
    process.on('warning', onWarning);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          journal.texts.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
        }),
      );
    }
  });
  afterEach(() => {
    server.resetHandlers();
    for (const listener of harnessListeners)
      server.events.removeListener('request:start', listener);
    harnessListeners.clear();
    reached = 0;
  });
  afterAll(() => {
    server.close();
    untrackTimers();
    process.off('warning', onWarning);
    for (const spy of spies) spy.mockRestore();
  });
  return { server, requestsReached: () => reached };
}

type StartListener = (event: { request: Request }) => void;
let activeServer: ReturnType<typeof setupServer> | undefined;
const harnessListeners = new Set<StartListener>();

/** A clock tests move by hand. */
export function createClock(start = START_MS) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface HarnessOptions extends BatchClientOptions {
  credential?: BatchCredential;
  /** Values `random()` returns in turn (the last one repeats). Default: always 0.5. */
  randomValues?: number[];
}

/**
 * A client with everything non-deterministic injected. `sleeps` lists every backoff wait asked
 * for; the sleep honours the abort signal and advances the clock by the wait instead of waiting.
 * `attempts` lists every request as it arrived at the server (method, URL, headers, body), in
 * order; after each the clock advances by {@link ROUND_TRIP_MS} (so consecutive attempts have
 * distinct `ocp-date`s). An attempt is recorded from msw's `request:start` event and its body read
 * from a clone, so an entry is filled a few microtasks after the request arrived (long before its
 * answer reaches the client); a test that reads one too early sees `undefined` and fails.
 */
export function createHarness(options: HarnessOptions = {}) {
  const { credential, randomValues = [0.5], ...clientOptions } = options;
  const clock = createClock();
  const sleeps: number[] = [];
  const attempts: WireRequestSnapshot[] = [];
  const warnings: string[] = [];
  let randomIndex = 0;
  let uuid = 0;
  const onStart: StartListener = ({ request }) => {
    const i = attempts.length;
    attempts.push(undefined as unknown as WireRequestSnapshot);
    const authorization = request.headers.get('authorization');
    if (authorization) journal.authorizations.push(authorization);
    clock.advance(ROUND_TRIP_MS);
    void referenceRequestFromArrived(request).then((snapshot) => {
      attempts[i] = snapshot;
    });
  };
  if (!activeServer) throw new Error('createHarness needs useFaultServer() in the suite');
  activeServer.events.on('request:start', onStart);
  harnessListeners.add(onStart);
  const client = new BatchClient(
    ACCOUNT_URL,
    credential ?? new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY),
    {
      now: clock.now,
      random: () => randomValues[Math.min(randomIndex++, randomValues.length - 1)]!,
      randomUUID: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
      sleep: (ms, signal) => {
        sleeps.push(ms);
        if (signal?.aborted) return Promise.reject(signal.reason);
        clock.advance(ms);
        return Promise.resolve();
      },
      onWarning: (message, code) => {
        warnings.push(`${code}: ${message}`);
        journal.texts.push(message, code);
      },
      ...clientOptions,
    },
  );
  return { client, clock, sleeps, attempts, warnings, randomCalls: () => randomIndex };
}

/** The Authorization values and their signatures seen so far, labelled for the secret scan. */
export function dynamicSecrets(): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const value of new Set(journal.authorizations)) {
    out.push(['Authorization value', value]);
    const signature = value.split(':').pop();
    if (signature && signature !== value) out.push(['signature', signature]);
  }
  return out;
}

/**
 * Answers the queued responses in order, one per request, on `server`; a request beyond the
 * queue fails the test. Returns how many requests were answered so far.
 */
export function answerInTurn(
  server: ReturnType<typeof setupServer>,
  method: 'get' | 'post',
  url: string,
  queue: ReadonlyArray<() => unknown>,
): () => number {
  let next = 0;
  server.use(
    http[method](url, () => {
      const make = queue[next++];
      if (!make) throw new Error(`unexpected extra request #${next}`);
      return make() as Response;
    }),
  );
  return () => next;
}
