/**
 * The README's "Extending the pipeline" examples run as written (imports pointed at the sources)
 * against the loopback emulator each starts, and print what they should: the custom header arrives
 * signed (the emulator verifies every signature), the log line holds no secret, and there is one
 * span per attempt.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';

const TMP = join(process.cwd(), '.tmp', 'readme-policies');

async function runExample(name: string): Promise<string[]> {
  const readme = await readFile('README.md', 'utf8');
  const marker = readme.indexOf(`<!-- readme-example:${name}`);
  if (marker < 0) throw new Error(`README has no example marked ${name}`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (!block) throw new Error(`README example ${name} has no ts block`);
  const source = block[1]!
    .replaceAll("from 'batch-rest-client/testing'", "from '../../src/testing/index.js'")
    .replaceAll("from 'batch-rest-client'", "from '../../src/index.js'");
  await mkdir(TMP, { recursive: true });
  const file = join(TMP, `${name}.ts`);
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
  return lines;
}

afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

describe('README: Extending the pipeline', () => {
  it('a perRetry policy adds a header the Shared Key signature covers', async () => {
    expect(await runExample('policy-signed-header')).toEqual(['page of 0', '200 render-farm']);
  });

  it('a perCall policy logs each request with the filter and a custom header redacted', async () => {
    const lines = await runExample('policy-logging');
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(lines).toEqual([
      'certificate.list: GET /certificates?api-version=2024-07-01.20.0&$filter=REDACTED&$select=thumbprint,state',
      `  user-agent batch-rest-client/${version}, x-team-secret REDACTED → 200`,
    ]);
    expect(lines.join('\n')).not.toContain('s3cr3t');
    expect(lines.join('\n')).not.toContain('deletefailed');
  });

  it('a perRetry policy records one span per attempt, both with the same client-request-id', async () => {
    expect(await runExample('policy-tracing')).toEqual([
      expect.stringMatching(
        /^attempt 1: certificate\.list → 503 in \d+\.\d ms, same client-request-id: true$/,
      ),
      expect.stringMatching(
        /^attempt 2: certificate\.list → 200 in \d+\.\d ms, same client-request-id: true$/,
      ),
    ]);
  });
});
