/** Account settings from the environment, and the no-echo secret prompt. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { accountFromEnvironment, isLoopbackHttpUrl } from '../../../src/cli/account-settings.js';
import { CliUsageError } from '../../../src/cli/cli-usage-error.js';
import { promptSecret } from '../../../src/cli/prompt-secret.js';

const URL_ = 'https://acct.westus.batch.azure.com';

describe('accountFromEnvironment', () => {
  it('reads url, name and key; http only for loopback hosts', () => {
    expect(
      accountFromEnvironment(
        { BATCH_ACCOUNT_URL: ` ${URL_} `, BATCH_ACCOUNT_NAME: 'acct', BATCH_ACCOUNT_KEY: 'a2V5' },
        false,
      ),
    ).toEqual({ url: URL_, name: 'acct', key: 'a2V5', allowInsecureConnection: false });
    expect(
      accountFromEnvironment(
        {
          BATCH_ACCOUNT_URL: 'http://127.0.0.1:9',
          BATCH_ACCOUNT_NAME: 'a',
          BATCH_ACCOUNT_KEY: 'k',
        },
        false,
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
      accountFromEnvironment({ BATCH_ACCOUNT_NAME: 'a', BATCH_ACCOUNT_KEY: ' ' }, true),
    ).toThrow(
      new CliUsageError(
        'no Batch account configured: set BATCH_ACCOUNT_URL, BATCH_ACCOUNT_KEY (or pass --emulator to use an in-process emulator)',
      ),
    );
    expect(
      accountFromEnvironment({ BATCH_ACCOUNT_URL: URL_, BATCH_ACCOUNT_NAME: 'a' }, true),
    ).toEqual({
      url: URL_,
      name: 'a',
      allowInsecureConnection: false,
    });
    expect(() =>
      accountFromEnvironment({ BATCH_ACCOUNT_URL: URL_, BATCH_ACCOUNT_NAME: 'a' }, false),
    ).toThrow('set BATCH_ACCOUNT_KEY');
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
