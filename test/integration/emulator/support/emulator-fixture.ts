import {
  type BatchEmulator,
  type BatchEmulatorOptions,
  createBatchEmulator,
} from '../../../../src/testing/index.js';
import { API_VERSION, type ErrorBody, signedRequest, T0 } from './signed-request.js';

/** An emulator on a manual clock with sequential request ids. */
export function testEmulator(options: BatchEmulatorOptions = {}): {
  emulator: BatchEmulator;
  clock: { now: number };
} {
  const clock = { now: T0 };
  let sequence = 0;
  const emulator = createBatchEmulator({
    now: () => clock.now,
    randomUUID: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    ...options,
  });
  return { emulator, clock };
}

/** Adds a certificate through the wire API, signed at `date` (default T0). */
export function addRequest(
  body: Record<string, unknown>,
  extra: { date?: number; headers?: Record<string, string> } = {},
): Request {
  return signedRequest({
    method: 'POST',
    path: `/certificates?api-version=${API_VERSION}`,
    body,
    ...extra,
  });
}

export async function errorBody(response: Response): Promise<ErrorBody> {
  return (await response.json()) as ErrorBody;
}
