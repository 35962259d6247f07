/**
 * The "Extending the pipeline" examples of src/client/README.md run as written (imports pointed at the sources)
 * against the loopback emulator each starts, and print what they should: the custom header arrives
 * signed (the emulator verifies every signature), the log line holds no secret, and there is one
 * span per attempt.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runExample } from './support/readme-examples.js';

const TMP = join(process.cwd(), '.tmp', 'readme-policies');

afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

describe('src/client/README.md: Extending the pipeline', () => {
  const run = async (name: string) =>
    (await runExample(name, TMP, { file: 'src/client/README.md' })).log;

  it('a perRetry policy adds a header the Shared Key signature covers', async () => {
    expect(await run('policy-signed-header')).toEqual(['page of 0', '200 render-farm']);
  });

  it('a perCall policy logs each request with the filter and a custom header redacted', async () => {
    const lines = await run('policy-logging');
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(lines).toEqual([
      'certificate.list: GET /certificates?api-version=2024-07-01.20.0&$filter=REDACTED&$select=thumbprint,state',
      `  user-agent batch-rest-client/${version}, x-team-secret REDACTED → 200`,
    ]);
    expect(lines.join('\n')).not.toContain('s3cr3t');
    expect(lines.join('\n')).not.toContain('deletefailed');
  });

  it('a perRetry policy records one span per attempt, both with the same client-request-id', async () => {
    expect(await run('policy-tracing')).toEqual([
      expect.stringMatching(
        /^attempt 1: certificate\.list → 503 in \d+\.\d ms, same client-request-id: true$/,
      ),
      expect.stringMatching(
        /^attempt 2: certificate\.list → 200 in \d+\.\d ms, same client-request-id: true$/,
      ),
    ]);
  });
});
