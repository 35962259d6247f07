/**
 * The Shared Key signature covers the request as the runtime frames it on the wire, whatever that
 * runtime adds. A test `fetch` frames each request the way a runtime does before the emulator's
 * independent verifier (src/emulator/shared-key-verifier.ts) checks the signature over the headers
 * as received. Seen on the wire by the runtime matrix (test/runtimes): undici (Node's fetch), Deno
 * and Chromium send no Content-Length on a body-less DELETE; Bun 1 and workerd send
 * `Content-Length: 0`. A made-up third runtime sends `0` on every body-less request, GET
 * included. The client signs by the framing rule
 * (transport.ts) and, where a runtime frames an empty body its own way, learns it from the
 * service's answer once per method and sender (sign-phase.ts): the first such request is refused,
 * sent again signed as it arrived, and every later one, from any client on that `fetch`, is signed
 * right the first time.
 */
import { describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential } from '../../../src/index.js';
import {
  type BatchEmulator,
  createBatchEmulator,
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
} from '../../../src/testing/index.js';

type Framing = (request: Request) => Request;

/** A runtime's HTTP stack setting Content-Length to `value` (null: removing it) on empty bodies of `methods`. */
function emptyBodyLength(methods: readonly string[], value: string | null): Framing {
  return (request) => {
    if (request.body !== null && request.headers.get('content-length') !== '0') return request;
    if (!methods.includes(request.method)) return request;
    const headers = new Headers(request.headers);
    if (value === null) headers.delete('content-length');
    else headers.set('content-length', value);
    return new Request(request, { headers });
  };
}

/** What a runtime's fetch puts on the wire from `init` by the Fetch standard (undici, Deno, Chromium). */
const standard: Framing = (request) => request;

const FRAMINGS: [string, Framing, number[]][] = [
  ['undici, Deno and Chromium (the Fetch standard)', standard, [201, 200, 200, 202, 204, 202]],
  [
    'Bun 1 and workerd: Content-Length: 0 on a body-less DELETE',
    emptyBodyLength(['DELETE'], '0'),
    [201, 200, 200, 403, 202, 204, 202],
  ],
  [
    'a third runtime: Content-Length: 0 on every body-less request',
    emptyBodyLength(['GET', 'DELETE'], '0'),
    [201, 403, 200, 200, 403, 202, 204, 202],
  ],
];

const THUMBPRINT = '0123456789abcdef0123456789abcdef01234567';

describe.each(FRAMINGS)('Shared Key under the framing of %s', (_name, frame, statuses) => {
  it('add, list, get, delete, cancelDeletion and a second delete authenticate', async () => {
    const emulator = createBatchEmulator({ deleteDelayInMs: 0 });
    const client = new BatchClient(
      'http://127.0.0.1:10000',
      new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
      {
        allowInsecureConnection: true,
        deprecationWarnings: 'off',
        retry: { maxRetries: 0 },
        fetch: runtimeFetch(emulator, frame),
      },
    );
    await client.certificate.add({
      thumbprint: THUMBPRINT,
      thumbprintAlgorithm: 'sha1',
      data: 'AAAA',
      certificateFormat: 'cer',
    });
    const listed = [];
    for await (const certificate of client.certificate.list()) listed.push(certificate.thumbprint);
    expect(listed).toEqual([THUMBPRINT]);
    expect((await client.certificate.get('sha1', THUMBPRINT)).state).toBe('active');
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, THUMBPRINT, ['pool-1']);
    await client.certificate.delete('sha1', THUMBPRINT);
    emulator.completeDeletions();
    await client.certificate.cancelDeletion('sha1', THUMBPRINT);
    emulator.markNotInUse(EMULATOR_ACCOUNT_NAME, THUMBPRINT);
    await client.certificate.delete('sha1', THUMBPRINT); // learned: signed right the first time
    expect(emulator.requests.map((entry) => entry.status)).toEqual(statuses);
  });
});

describe("what is learned of a framing is the sender's, not one client's", () => {
  it('a second client on the same fetch signs its first DELETE right; a client on another fetch learns anew', async () => {
    const emulator = createBatchEmulator({ deleteDelayInMs: 0 });
    const bun = emptyBodyLength(['DELETE'], '0');
    const wire = (frame: Framing) => runtimeFetch(emulator, frame);
    const sharedFetch = wire(bun);
    const clientOn = (fetchImpl: typeof fetch) =>
      new BatchClient(
        'http://127.0.0.1:10000',
        new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
        { allowInsecureConnection: true, deprecationWarnings: 'off', fetch: fetchImpl },
      );
    const addAndDelete = async (client: BatchClient, thumbprint: string) => {
      await client.certificate.add({ thumbprint, thumbprintAlgorithm: 'sha1', data: 'AAAA' });
      await client.certificate.delete('sha1', thumbprint);
    };
    await addAndDelete(clientOn(sharedFetch), THUMBPRINT); // learns: 403, then 202
    await addAndDelete(clientOn(sharedFetch), THUMBPRINT.replace('0', '1')); // a new client, same fetch
    await addAndDelete(clientOn(wire(bun)), THUMBPRINT.replace('0', '2')); // another fetch: learns anew
    expect(emulator.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual([
      'POST 201',
      'DELETE 403',
      'DELETE 202',
      'POST 201',
      'DELETE 202',
      'POST 201',
      'DELETE 403',
      'DELETE 202',
    ]);
  });
});

/**
 * A `fetch` onto the emulator as a runtime's HTTP stack would send it: the Fetch standard's framing
 * of the body it was given (bytes, as the client sends), then the runtime's own `frame`.
 */
function runtimeFetch(emulator: BatchEmulator, frame: Framing): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const length = (await request.clone().arrayBuffer()).byteLength;
    const framed = new Request(request, {
      headers: withLength(request, length),
      body: length === 0 ? null : await request.arrayBuffer(),
    });
    return emulator.handle(frame(framed));
  };
}

/** The Content-Length the Fetch standard frames from a body of `length` bytes (none for no body on DELETE/GET). */
function withLength(request: Request, length: number): Headers {
  const headers = new Headers(request.headers);
  if (length > 0 || request.method === 'POST' || request.method === 'PUT') {
    headers.set('content-length', String(length));
  }
  return headers;
}
