/**
 * Errors that come from the caller's own code are never classified as transport failures
 * (issue 18, item 5): a policy or an injected `fetch` that gives no Response, a `fetch` that throws
 * instead of rejecting, a credential that cannot produce a token or a key, a clock that gives no
 * time, a hook that throws. Each fails the call with an error that names the mistake, is not
 * retried, and is not a `BatchNetworkError` (which a caller that retries network errors would
 * retry forever). A real network failure stays a `BatchNetworkError`, for contrast.
 */
import { describe, expect, it } from '@jest/globals';
import {
  BatchClient,
  type BatchClientOptions,
  type BatchCredential,
  BatchSharedKeyCredential,
  isBatchNetworkError,
  type PipelinePolicy,
} from '../../../src/index.js';
import { ACCOUNT, ACCOUNT_KEY, ACCOUNT_URL } from '../../support/test-client.js';

const OK = () => new Response('{"thumbprint":"ab"}', { status: 200 });

/** A client that counts what reaches `fetch` and never waits between attempts. */
function client(options: BatchClientOptions = {}, credential?: BatchCredential) {
  const sent: string[] = [];
  const c = new BatchClient(
    ACCOUNT_URL,
    credential ?? new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY),
    {
      deprecationWarnings: 'off',
      sleep: async () => {},
      fetch: async (input) => {
        sent.push(String(input));
        return OK();
      },
      ...options,
    },
  );
  return { client: c, sent };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

const returning = (value: unknown): PipelinePolicy => ({
  name: 'broken',
  sendRequest: async () => value as Response,
});

describe("the caller's own mistakes are not network errors, and are not retried", () => {
  it.each([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a plain object', { status: 200 }, 'an object that is not a Response'],
    ['a string', 'ok', 'a string'],
  ])('a perRetry policy that returns %s', async (_label, value, described) => {
    const { client: c, sent } = client({
      additionalPolicies: [{ policy: returning(value), position: 'perRetry' }],
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `a perRetry policy gave ${described} where a Response was expected.`,
    );
    expect(isBatchNetworkError(error)).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['undefined', undefined, 'undefined'],
    ['a plain object', { ok: true }, 'an object that is not a Response'],
  ])('a perCall policy that returns %s', async (_label, value, described) => {
    const { client: c } = client({
      additionalPolicies: [{ policy: returning(value), position: 'perCall' }],
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error.message).toBe(`a perCall policy gave ${described} where a Response was expected.`);
    expect(isBatchNetworkError(error)).toBe(false);
  });

  it.each([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a number', 200, 'number'],
    ['an object without text()', { status: 200, headers: new Headers() }, 'object'],
  ])('an injected fetch that resolves to %s', async (_label, value, described) => {
    let calls = 0;
    const { client: c } = client({
      fetch: async () => {
        calls++;
        return value as Response;
      },
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `options.fetch resolved to ${described} where a Response was expected.`,
    );
    expect(isBatchNetworkError(error)).toBe(false);
    expect(calls).toBe(1);
  });

  it('an injected fetch that throws instead of returning a promise', async () => {
    let calls = 0;
    const bug = new ReferenceError('resposne is not defined');
    const { client: c } = client({
      fetch: (() => {
        calls++;
        throw bug;
      }) as typeof fetch,
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('options.fetch threw instead of returning a promise of a Response.');
    expect(error.cause).toBe(bug);
    expect(calls).toBe(1);
  });

  it('a token credential that fails: its own error, one getToken, nothing sent', async () => {
    let calls = 0;
    const identity = new Error('AADSTS7000215: Invalid client secret provided.');
    const { client: c, sent } = client(
      {},
      {
        getToken: async () => {
          calls++;
          throw identity;
        },
      },
    );
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBe(identity);
    expect(calls).toBe(1);
    expect(sent).toHaveLength(0);
  });

  it('an AzureNamedKeyCredential rotated to a key that is not base64: a TypeError, nothing sent, the key not shown', async () => {
    const named = { name: ACCOUNT, key: ACCOUNT_KEY };
    const { client: c, sent } = client({}, named);
    await c.certificate.get('sha1', 'ab');
    named.key = 'not base64 but a secret: hunter2';
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      'AzureNamedKeyCredential: key must be a non-empty, padded base64 string (the key is not shown).',
    );
    expect(sent).toHaveLength(1);
  });

  it('a clock that gives no time: a TypeError naming options.now, nothing sent', async () => {
    const { client: c, sent } = client({ now: () => Number.NaN });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      'options.now must return a finite number of milliseconds since the epoch; it returned NaN.',
    );
    expect(sent).toHaveLength(0);
  });

  it('a sleep that throws: its own error after the first attempt, not a network error', async () => {
    const bug = new Error('sleep broke');
    let calls = 0;
    const c = new BatchClient(ACCOUNT_URL, new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY), {
      deprecationWarnings: 'off',
      sleep: async () => {
        throw bug;
      },
      fetch: async () => {
        calls++;
        return new Response(null, { status: 503 });
      },
    });
    await expect(c.certificate.get('sha1', 'ab')).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it('an onResponse that throws: its own error, once', async () => {
    const bug = new Error('logging broke');
    const { client: c, sent } = client();
    await expect(
      c.certificate.get('sha1', 'ab', {
        onResponse: () => {
          throw bug;
        },
      }),
    ).rejects.toBe(bug);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['ReferenceError', () => new ReferenceError('resposne is not defined')],
    ['SyntaxError', () => new SyntaxError('Unexpected token < in JSON at position 0')],
    ['RangeError', () => new RangeError('Maximum call stack size exceeded')],
    ['URIError', () => new URIError('URI malformed')],
    ['EvalError', () => new EvalError('eval is disabled')],
  ])('an injected async fetch whose own code fails with a %s: that error, once, not retried', async (_name, make) => {
    let calls = 0;
    const bug = make();
    const { client: c } = client({
      retry: { maxRetries: 3 },
      fetch: async () => {
        calls++;
        throw bug;
      },
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toBe(bug);
    expect(isBatchNetworkError(error)).toBe(false);
    expect(calls).toBe(1);
  });

  it.each([
    [
      'a node-fetch style FetchError (an Error with a system code)',
      () =>
        Object.assign(new Error('request to … failed, reason: socket hang up'), {
          name: 'FetchError',
          code: 'ECONNRESET',
        }),
    ],
    ['a plain Error', () => new Error('connection refused')],
  ])('for contrast: %s is taken for the network, as before, and retried', async (_label, make) => {
    let calls = 0;
    const { client: c } = client({
      retry: { maxRetries: 1 },
      fetch: async () => {
        calls++;
        throw make();
      },
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(isBatchNetworkError(error)).toBe(true);
    expect(calls).toBe(2);
  });

  it('for contrast: an abort whose reason is a RangeError is still the abort, not a fault of fetch', async () => {
    const controller = new AbortController();
    const reason = new RangeError('the caller gave up');
    const { client: c } = client({
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          controller.abort(reason);
        }),
    });
    const error = await failure(
      c.certificate.get('sha1', 'ab', { abortSignal: controller.signal }),
    );
    expect(error.name).toBe('AbortError');
    expect(error.cause).toBe(reason);
  });

  it('for contrast: a fetch that rejects (the network failed) is a BatchNetworkError, retried', async () => {
    let calls = 0;
    const { client: c } = client({
      retry: { maxRetries: 2 },
      fetch: async () => {
        calls++;
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
        });
      },
    });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(isBatchNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ECONNRESET', attempts: 3 });
    expect(calls).toBe(3);
  });
});

describe('client options that are not what they claim', () => {
  it.each([
    ['allowInsecureConnection', 'false'],
    ['validation', 'false'],
    ['reconcileLostAdds', 'no'],
  ])('options.%s = %j (not a boolean) is refused, not read as true', (name, value) => {
    const make = () =>
      new BatchClient('http://127.0.0.1:9', new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY), {
        deprecationWarnings: 'off',
        ...(name === 'allowInsecureConnection' ? {} : { allowInsecureConnection: true }),
        [name]: value,
      } as never);
    expect(make).toThrow(
      expect.objectContaining({
        issues: [
          {
            path: `options.${name}`,
            rule: 'type',
            message: 'must be true or false (a string such as "false" would read as true)',
          },
        ],
      }),
    );
  });
});

describe("a browser's answer to a redirect it did not follow", () => {
  it('is a BatchServiceError that says so (status 0: the browser shows nothing more), not a RangeError', async () => {
    const opaqueRedirect = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      statusText: '',
      headers: new Headers(),
      body: null,
      text: async () => '',
    };
    const { client: c } = client({ fetch: (async () => opaqueRedirect) as never });
    const error = await failure(c.certificate.get('sha1', 'ab'));
    expect(error).toMatchObject({
      name: 'BatchServiceError',
      statusCode: 0,
      code: 'RedirectNotFollowed',
    });
  });
});
