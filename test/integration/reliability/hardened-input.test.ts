/**
 * Hardened input: account URLs that would leak credentials or confuse signing are refused when
 * the client is built, and header values that could split or break a header are refused with a
 * BatchValidationError before anything is sent.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  BatchClient,
  BatchSharedKeyCredential,
  isBatchValidationError,
} from '../../../src/index.js';
import { createHarness, rejectionOf, useFaultServer } from './support/harness.js';
import { ACCOUNT, ACCOUNT_KEY, THUMBPRINT } from './support/secrets.js';

const { server, requestsReached } = useFaultServer();
const credential = () => new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);

describe('account URL', () => {
  it('http:// is refused by default, naming the option that allows it', () => {
    expect(() => new BatchClient('http://localhost:8080', credential())).toThrow(
      /allowInsecureConnection/,
    );
  });

  it('http:// is accepted with allowInsecureConnection: true, and requests go there', async () => {
    server.use(
      http.get('http://localhost:8080/certificates', () => HttpResponse.json({ value: [] })),
    );
    const client = new BatchClient('http://localhost:8080', credential(), {
      allowInsecureConnection: true,
      onWarning: () => {},
    });
    const items: unknown[] = [];
    for await (const item of client.certificate.list()) items.push(item);
    expect(items).toEqual([]);
    expect(requestsReached()).toBe(1);
  });

  it.each([
    ['a query string', 'https://acct.westus.batch.azure.com/?sig=abc', /query/],
    ['an empty query string', 'https://acct.westus.batch.azure.com?', /query/],
    ['a fragment', 'https://acct.westus.batch.azure.com/#x', /fragment/],
    ['an empty fragment', 'https://acct.westus.batch.azure.com#', /fragment/],
    ['credentials', 'https://user:pw@acct.westus.batch.azure.com', /credentials/],
    ['a relative URL', 'acct.westus.batch.azure.com', /absolute/],
    ['another scheme', 'ftp://acct.westus.batch.azure.com', /https/],
    ['another scheme even when insecure is allowed', 'file:///etc/passwd', /https/],
  ])('a URL with %s is refused', (_label, url, message) => {
    expect(() => new BatchClient(url, credential(), { allowInsecureConnection: true })).toThrow(
      message,
    );
  });
});

describe('account URL with an operation path', () => {
  const BASE = 'https://acct.westus.batch.azure.com';
  const refusal = (segment: string, base: string) =>
    new TypeError(
      `accountUrl must not include an operation path: '/${segment}' is where the Batch API's own ` +
        `paths begin, and the client adds them; use ${base}`,
    );

  it.each([
    ['/certificates', 'certificates', BASE],
    ['/certificates/', 'certificates', BASE],
    ['/Certificates', 'Certificates', BASE],
    ['/CERTIFICATES//', 'CERTIFICATES', BASE],
    ['/%63ertificates', '%63ertificates', BASE],
    [
      '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)',
      'certificates(thumbprintAlgorithm=sha1,thumbprint=ab)',
      BASE,
    ],
    [
      '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete',
      'certificates(thumbprintAlgorithm=sha1,thumbprint=ab)',
      BASE,
    ],
    ['/batch/acct1/certificates', 'certificates', `${BASE}/batch/acct1`],
  ])('%s is refused when the client is built, naming the base URL to use', (path, segment, base) => {
    expect(() => new BatchClient(`${BASE}${path}`, credential())).toThrow(refusal(segment, base));
    expect(requestsReached()).toBe(0);
  });

  it.each([
    ['a gateway prefix', 'https://gw.example.com/batch/acct1'],
    ['a gateway prefix with a trailing slash', 'https://gw.example.com/batch/acct1/'],
    ['a segment that only contains the word', 'https://gw.example.com/mycertificates'],
    ['a segment that only starts with it', 'https://gw.example.com/certificates-gateway'],
  ])('%s is kept, and the operation path follows it', async (_label, url) => {
    const prefix = new URL(url).pathname.replace(/\/+$/, '');
    server.use(
      http.get(`https://gw.example.com${prefix}/certificates`, () =>
        HttpResponse.json({ value: [] }),
      ),
    );
    const client = new BatchClient(url, credential(), { onWarning: () => {} });
    const items: unknown[] = [];
    for await (const item of client.certificate.list()) items.push(item);
    expect(items).toEqual([]);
    expect(requestsReached()).toBe(1);
  });
});

describe('header values', () => {
  it.each([
    ['CR LF', 'a\r\nx-injected: 1'],
    ['LF', 'a\nb'],
    ['CR', 'a\rb'],
    ['NUL', 'a\u0000b'],
    ['another control character', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['a character fetch cannot send', 'caf\u20ac'],
  ])('a clientRequestId with %s is a BatchValidationError and nothing is sent', async (_l, id) => {
    const h = createHarness({ validation: false });
    const error = await rejectionOf(
      h.client.certificate.get('sha1', THUMBPRINT, { clientRequestId: id }),
    );
    expect(isBatchValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      issues: [expect.objectContaining({ path: 'options.clientRequestId', rule: 'headerValue' })],
    });
    expect(error.message).not.toContain(id);
    expect(h.attempts).toHaveLength(0);
    expect(requestsReached()).toBe(0);
  });

  it.each([
    ['CR LF', 'app/1\r\nx-injected: 1'],
    ['NUL', 'app\u00001'],
    ['a character fetch cannot send', 'app/\u2603'],
  ])('a userAgentPrefix with %s is a BatchValidationError', (_l, prefix) => {
    let thrown: unknown;
    try {
      new BatchClient('https://acct.westus.batch.azure.com', credential(), {
        userAgentPrefix: prefix,
      });
    } catch (error) {
      thrown = error;
    }
    expect(isBatchValidationError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      issues: [expect.objectContaining({ path: 'options.userAgentPrefix', rule: 'headerValue' })],
    });
  });

  it('ordinary values pass: a tab, spaces and Latin-1 text in the user agent', async () => {
    server.use(http.get(/certificates/, () => HttpResponse.json({ value: [] })));
    const h = createHarness({ userAgentPrefix: 'my app/1.0\t(Zürich)' });
    await h.client.certificate.list().byPage()[Symbol.asyncIterator]().next();
    expect(h.attempts[0]!.headers.get('user-agent')).toBe(
      'my app/1.0\t(Zürich) batch-rest-client/0.1.0',
    );
  });
});

describe('path values', () => {
  it.each([
    ['.', '.'],
    ['..', '..'],
  ])('a thumbprint of %p (a dot segment) is refused, so the URL cannot name another resource', async (_l, value) => {
    const h = createHarness({ validation: false });
    const error = await rejectionOf(h.client.certificate.delete('sha1', value));
    expect(error).toMatchObject({
      name: 'BatchValidationError',
      issues: [expect.objectContaining({ path: 'thumbprint', rule: 'pathSegment' })],
    });
    expect(requestsReached()).toBe(0);
  });
});
