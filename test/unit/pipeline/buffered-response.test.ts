/**
 * A BufferedResponse serves the text it carries through every body method, with the platform's
 * rules: a body is read once, a clone of an unread one reads again, `body` streams the bytes.
 */
import { describe, expect, it } from '@jest/globals';
import { bufferedResponse, bufferResponse } from '../../../src/pipeline/buffered-response.js';

const TEXT = '{"thumbprint":"ab","note":"é"}';
const make = (text = TEXT, status = 200) =>
  bufferedResponse(text, {
    status,
    headers: new Headers({ 'content-type': 'application/json' }),
  });

describe('BufferedResponse', () => {
  it('is a Response with the status, headers and text it was made with', async () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.bodyText).toBe(TEXT);
    expect(response.bodyUsed).toBe(false);
    await expect(response.text()).resolves.toBe(TEXT);
    expect(response.bodyUsed).toBe(true);
  });

  it.each([
    ['text', (r: Response) => r.text(), TEXT],
    ['json', (r: Response) => r.json(), JSON.parse(TEXT)],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), TEXT],
    ['bytes', async (r: Response) => new TextDecoder().decode(await r.bytes()), TEXT],
    ['blob', async (r: Response) => (await r.blob()).text(), TEXT],
    ['body', async (r: Response) => new Response(r.body).text(), TEXT],
  ])('%s() gives the body; a second read is refused as the platform refuses it', async (_name, read, expected) => {
    const response = make();
    await expect(read(response)).resolves.toEqual(expected);
    // The platform's TypeError (of Node's realm, not the test's): matched by name and words.
    await expect(response.text()).rejects.toMatchObject({
      name: 'TypeError',
      message: expect.stringMatching(/unusable|already/i),
    });
  });

  it('a clone of an unread answer reads again; a read one cannot be cloned', async () => {
    const response = make();
    const copy = response.clone();
    await expect(copy.text()).resolves.toBe(TEXT);
    await expect(response.text()).resolves.toBe(TEXT);
    expect(() => response.clone()).toThrow(/unusable|already|locked|disturbed/i);
  });

  it('an empty answer has no body stream', async () => {
    const response = make('', 201);
    expect(response.body).toBeNull();
    await expect(response.text()).resolves.toBe('');
  });

  it('bufferResponse: a buffered answer a policy read is rebuilt from its text; a foreign one is read', async () => {
    const read = make();
    await read.text();
    const rebuilt = await bufferResponse(read, 'a policy');
    expect(rebuilt).not.toBe(read);
    await expect(rebuilt.text()).resolves.toBe(TEXT);
    const foreign = await bufferResponse(new Response('x', { status: 418 }), 'a policy');
    expect([foreign.status, foreign.bodyText]).toEqual([418, 'x']);
  });
});
