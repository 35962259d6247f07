/** Account settings from the environment, and the no-echo secret prompt. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { accountFromEnvironment, isLoopbackHttpUrl } from '../../../src/cli/account-settings.js';
import { CliUsageError } from '../../../src/cli/cli-usage-error.js';
import { promptSecret } from '../../../src/cli/prompt-secret.js';

const URL_ = 'https://acct.westus.batch.azure.com';
const COLLECTIONS = ['certificates'];

describe('accountFromEnvironment', () => {
  it('reads url, name and key; http only for loopback hosts', () => {
    expect(
      accountFromEnvironment(
        { BATCH_ACCOUNT_URL: ` ${URL_} `, BATCH_ACCOUNT_NAME: 'acct', BATCH_ACCOUNT_KEY: 'a2V5' },
        false,
        COLLECTIONS,
      ),
    ).toEqual({ url: URL_, name: 'acct', key: 'a2V5', allowInsecureConnection: false });
    expect(
      accountFromEnvironment(
        {
          BATCH_ACCOUNT_URL: 'http://127.0.0.1:9',
          BATCH_ACCOUNT_NAME: 'a',
          BATCH_ACCOUNT_KEY: 'a2V5',
        },
        false,
        COLLECTIONS,
      ).allowInsecureConnection,
    ).toBe(true);
    expect(isLoopbackHttpUrl('http://localhost:1')).toBe(true);
    expect(isLoopbackHttpUrl('http://[::1]:1')).toBe(true);
    expect(isLoopbackHttpUrl('http://example.com')).toBe(false);
    expect(isLoopbackHttpUrl('https://127.0.0.1')).toBe(false);
    expect(isLoopbackHttpUrl('not a url')).toBe(false);
  });

  it('names every missing variable, and lets a terminal supply the key', () => {
    expect(() =>
      accountFromEnvironment(
        { BATCH_ACCOUNT_NAME: 'a', BATCH_ACCOUNT_KEY: ' ' },
        true,
        COLLECTIONS,
      ),
    ).toThrow(
      new CliUsageError(
        'no Batch account configured: set BATCH_ACCOUNT_URL, BATCH_ACCOUNT_KEY (or pass --emulator to use an in-process emulator)',
      ),
    );
    expect(
      accountFromEnvironment(
        { BATCH_ACCOUNT_URL: URL_, BATCH_ACCOUNT_NAME: 'a' },
        true,
        COLLECTIONS,
      ),
    ).toEqual({
      url: URL_,
      name: 'a',
      allowInsecureConnection: false,
    });
    expect(() =>
      accountFromEnvironment(
        { BATCH_ACCOUNT_URL: URL_, BATCH_ACCOUNT_NAME: 'a' },
        false,
        COLLECTIONS,
      ),
    ).toThrow('set BATCH_ACCOUNT_KEY');
  });
});

describe('accountFromEnvironment checks each variable, naming it and never showing a refused value', () => {
  const KEY = Buffer.alloc(64, 0x5a).toString('base64');
  const env = (overrides: Record<string, string>) => ({
    BATCH_ACCOUNT_URL: URL_,
    BATCH_ACCOUNT_NAME: 'acct',
    BATCH_ACCOUNT_KEY: KEY,
    ...overrides,
  });
  const refusal = (values: Record<string, string>): CliUsageError => {
    try {
      accountFromEnvironment(env(values), false, COLLECTIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(CliUsageError);
      return error as CliUsageError;
    }
    throw new Error('expected a refusal');
  };
  const NAME_RULE =
    'BATCH_ACCOUNT_NAME must be a Batch account name, 1 to 24 letters and digits (the value is not shown)';
  const KEY_RULE =
    'BATCH_ACCOUNT_KEY must be the account key as Azure shows it, padded base64 (the value is not shown)';

  it.each([
    ['the key (name and key swapped)', { BATCH_ACCOUNT_NAME: KEY, BATCH_ACCOUNT_KEY: 'acct' }],
    ['a name with a dash', { BATCH_ACCOUNT_NAME: 'my-acct' }],
    ['a URL', { BATCH_ACCOUNT_NAME: URL_ }],
  ])('BATCH_ACCOUNT_NAME holding %s', (_label, values) => {
    const error = refusal(values);
    expect(error.message).toBe(NAME_RULE);
    expect(error.message).not.toContain(values.BATCH_ACCOUNT_NAME);
  });

  it.each([
    ['not base64', 'hunter2-not-base64!'],
    ['unpadded', KEY.slice(0, -2)],
    ['with a newline', `${KEY}\n`],
  ])('BATCH_ACCOUNT_KEY %s', (_label, key) => {
    const error = refusal({ BATCH_ACCOUNT_KEY: key });
    expect(error.message).toBe(KEY_RULE);
    expect(error.message).not.toContain(key.trim());
  });

  it.each([
    ['/certificates', `${URL_}/certificates`, URL_],
    ['/certificates/', `${URL_}/certificates/`, URL_],
    ['/Certificates', `${URL_}/Certificates`, URL_],
    ["a certificate's path", `${URL_}/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)`, URL_],
    [
      'a gateway path then /certificates',
      'https://gw.example.com/batch/acct1/certificates',
      'https://gw.example.com/batch/acct1',
    ],
  ])('BATCH_ACCOUNT_URL ending in %s', (_label, url, base) => {
    const segment = new URL(url).pathname.split('/').find((s) => /^certificates/i.test(s));
    expect(refusal({ BATCH_ACCOUNT_URL: url }).message).toBe(
      `BATCH_ACCOUNT_URL must not include an operation path: '/${segment}' is where the Batch ` +
        `API's own paths begin, and the client adds them; use ${base}`,
    );
  });

  it("BATCH_ACCOUNT_URL: the client rules in the variable's name, and http only for loopback", () => {
    expect(refusal({ BATCH_ACCOUNT_URL: `${URL_}/?sig=abc` }).message).toBe(
      'BATCH_ACCOUNT_URL must not have a query string',
    );
    expect(refusal({ BATCH_ACCOUNT_URL: 'http://example.com' }).message).toBe(
      'BATCH_ACCOUNT_URL uses http:, which would send signed requests in clear text; use https: ' +
        '(http: is allowed only for a local emulator on 127.0.0.1, [::1] or localhost)',
    );
  });

  it('accepts a gateway path that holds no collection', () => {
    expect(
      accountFromEnvironment(
        env({ BATCH_ACCOUNT_URL: 'https://gw.example.com/batch/acct1' }),
        false,
        COLLECTIONS,
      ).url,
    ).toBe('https://gw.example.com/batch/acct1');
  });
});

class FakeTty extends EventEmitter {
  isRaw = false;
  readonly rawModes: boolean[] = [];
  paused = true;
  setRawMode(mode: boolean) {
    this.isRaw = mode;
    this.rawModes.push(mode);
  }
  setEncoding() {}
  resume() {
    this.paused = false;
  }
  pause() {
    this.paused = true;
  }
}

describe('promptSecret', () => {
  it('reads without echo, handles backspace, and restores the terminal', async () => {
    const input = new FakeTty();
    let written = '';
    const answer = promptSecret('Password: ', input, {
      write: (t: string) => {
        written += t;
      },
    });
    input.emit('data', 'se');
    input.emit('data', 'x\u007f');
    input.emit('data', 'cret\rignored');
    await expect(answer).resolves.toBe('secret');
    expect(written).toBe('Password: \n');
    expect(input.rawModes).toEqual([true, false]);
    expect(input.paused).toBe(true);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('cancels on Ctrl-C with an AbortError', async () => {
    const input = new FakeTty();
    const answer = promptSecret('Key: ', input, { write: () => {} });
    input.emit('data', 'ab\u0003');
    await expect(answer).rejects.toMatchObject({
      name: 'AbortError',
      message: 'cancelled at the prompt',
    });
    expect(input.isRaw).toBe(false);
  });
});
