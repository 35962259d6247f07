/**
 * The program the runtime matrix runs inside each runtime (Node, Deno, Bun, workerd, Chromium):
 * the five certificate operations and the emulator lifecycle, with Shared Key, against the
 * emulator the runner serves at `url`. It imports only the package's public entries and calls
 * the runtime's own `fetch`; it judges nothing itself — each step reports what it observed (a
 * value or an error) and the runner compares that with `expected-steps.ts`.
 *
 * The emulator's test hooks are reached over HTTP at `url + /_harness/…` (see harness-server.ts),
 * so the lifecycle runs the same way where the emulator object is out of reach (a worker, a page).
 */
import {
  BatchClient,
  BatchSharedKeyCredential,
  type Certificate,
  isBatchServiceError,
} from 'batch-rest-client';
import { EMULATOR_ACCOUNT_KEY, EMULATOR_ACCOUNT_NAME } from 'batch-rest-client/testing';
import { FIRST, POOL, SECOND } from './expected-steps.ts';

/** What a step saw: a value, or the error it threw (no stack, no secrets: the error's own fields). */
export type StepOutcome =
  | { readonly step: string; readonly value: unknown }
  | { readonly step: string; readonly error: ObservedError };

export interface ObservedError {
  readonly name: string;
  readonly message: string;
  readonly statusCode?: number;
  readonly code?: string;
  readonly retired?: boolean;
  /** The service's details, e.g. the emulator's string-to-sign on `AuthenticationFailed`. */
  readonly values?: readonly { readonly key: string; readonly value: string }[];
}

/** The one JSON line a runtime prints (or answers) for the runner. */
export interface LifecycleReport {
  /** What the program found itself running on, so the runner can tell a shim from the runtime. */
  readonly runtime: { readonly name: string; readonly version: string };
  readonly steps: readonly StepOutcome[];
}

function describeRuntime(): LifecycleReport['runtime'] {
  const scope = globalThis as {
    Deno?: { version: { deno: string } };
    Bun?: { version: string };
    process?: { version?: string; versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  if (scope.Deno) return { name: 'deno', version: scope.Deno.version.deno };
  if (scope.Bun) return { name: 'bun', version: scope.Bun.version };
  const userAgent = scope.navigator?.userAgent ?? '';
  if (userAgent === 'Cloudflare-Workers') return { name: 'workerd', version: '' };
  if (scope.process?.versions?.node) return { name: 'node', version: scope.process.version ?? '' };
  return { name: 'browser', version: userAgent };
}

function observeError(error: unknown): ObservedError {
  if (isBatchServiceError(error)) {
    return {
      name: error.name,
      message: error.message,
      statusCode: error.statusCode,
      ...(error.code === undefined ? {} : { code: error.code }),
      retired: error.retired,
      values: error.values.map(({ key, value }) => ({ key, value })),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}

function certificateView(certificate: Certificate) {
  return {
    thumbprint: certificate.thumbprint,
    state: certificate.state,
    previousState: certificate.previousState,
    stateTransitionTimeIsDate: certificate.stateTransitionTime instanceof Date,
    deleteCertificateError: certificate.deleteCertificateError?.code,
  };
}

/** Runs the lifecycle against the emulator at `url`; never throws (every failure is a step's). */
export async function runLifecycle(url: string): Promise<LifecycleReport> {
  const client = new BatchClient(
    url,
    new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
    { allowInsecureConnection: true, deprecationWarnings: 'off', retry: { maxRetries: 0 } },
  );
  const harness = async (action: string, query: Record<string, string> = {}): Promise<void> => {
    const target = `${url}/_harness/${action}?${new URLSearchParams(query)}`;
    const answer = await fetch(target, { method: 'POST' });
    if (answer.status !== 204) {
      throw new Error(`harness ${action} answered ${answer.status}: ${await answer.text()}`);
    }
  };
  const add = (thumbprint: string) =>
    client.certificate.add({
      thumbprint,
      thumbprintAlgorithm: 'sha1',
      data: 'MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVEYXRh',
      certificateFormat: 'cer',
    });
  const get = async (thumbprint: string) =>
    certificateView(await client.certificate.get('sha1', thumbprint));

  const plan: [string, () => Promise<unknown>][] = [
    ['add', async () => ({ dataServiceId: (await add(FIRST)).dataServiceId })],
    ['add a second', async () => ({ dataServiceId: (await add(SECOND)).dataServiceId })],
    [
      'list, one per page',
      async () => {
        const pages: (string | undefined)[][] = [];
        for await (const page of client.certificate.list({ maxResults: 1 }).byPage()) {
          pages.push(page.map((certificate) => certificate.thumbprint));
        }
        return { pages };
      },
    ],
    ['get', () => get(FIRST)],
    [
      'delete',
      async () => ({
        requestIdType: typeof (await client.certificate.delete('sha1', FIRST)).requestId,
      }),
    ],
    ['get while deleting', () => get(FIRST)],
    [
      'deletion completes (hook), get',
      async () => {
        await harness('complete-deletions');
        return get(FIRST);
      },
    ],
    [
      'delete while in use (hook), completes as deletefailed',
      async () => {
        await harness('mark-in-use', { thumbprint: SECOND, pool: POOL });
        await client.certificate.delete('sha1', SECOND);
        await harness('complete-deletions');
        return get(SECOND);
      },
    ],
    [
      'cancelDeletion',
      async () => {
        await client.certificate.cancelDeletion('sha1', SECOND);
        return get(SECOND);
      },
    ],
    [
      'retired mode (hook), get',
      async () => {
        await harness('mode', { value: 'retired' });
        return get(SECOND);
      },
    ],
  ];
  const steps: StepOutcome[] = [];
  for (const [step, act] of plan) {
    try {
      steps.push({ step, value: await act() });
    } catch (error) {
      steps.push({ step, error: observeError(error) });
    }
  }
  return { runtime: describeRuntime(), steps };
}
