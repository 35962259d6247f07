/**
 * The README's quick-start example runs as written (imports pointed at the sources), against the
 * loopback emulator it starts itself, and prints what the README says it prints.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';

const TMP = join(process.cwd(), '.tmp', 'readme');

function extractExample(readme: string, name: string): string {
  const marker = readme.indexOf(`<!-- readme-example:${name}`);
  if (marker < 0) throw new Error(`README has no example marked ${name}`);
  const match = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (!match) throw new Error(`README example ${name} has no ts block`);
  return match[1]!;
}

afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

describe('README', () => {
  it('shows the consumer test example exactly as it runs in our suite', async () => {
    const readme = await readFile('README.md', 'utf8');
    const shown = extractExample(readme, 'consumer-test');
    const file = await readFile('test/integration/readme/consumer-example.test.ts', 'utf8');
    const asRun = file
      .replace(/^(\/\/.*\n)+/, '')
      .replaceAll("from '../../../src/index.js'", "from 'batch-rest-client'")
      .replaceAll("from '../../../src/testing/index.js'", "from 'batch-rest-client/testing'")
      .replaceAll("from '../../../src/testing/msw.js'", "from 'batch-rest-client/testing/msw'");
    expect(shown).toBe(asRun);
  });

  it('the quick-start example runs and prints the lifecycle', async () => {
    const readme = await readFile('README.md', 'utf8');
    const source = extractExample(readme, 'quickstart')
      .replaceAll("from 'batch-rest-client/testing'", "from '../../src/testing/index.js'")
      .replaceAll("from 'batch-rest-client'", "from '../../src/index.js'");
    expect(source).not.toContain("'batch-rest-client");
    await mkdir(TMP, { recursive: true });
    const file = join(TMP, 'quickstart.ts');
    await writeFile(file, `${source}\nexport {};\n`);
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    try {
      await import(file);
    } finally {
      log.mockRestore();
    }
    expect(lines).toEqual([
      expect.stringMatching(/^added, request id [0-9a-f-]{36}$/),
      '0123456789abcdef0123456789abcdef01234567 active',
      'state: active',
      'after delete: deleting',
      '404 CertificateNotFound',
    ]);
  });
});
