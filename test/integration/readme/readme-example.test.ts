/**
 * The README's quick-start example runs as written (imports pointed at the sources), against the
 * loopback emulator it starts itself, and prints what the README says it prints. The migration
 * plan shown in the README is the real output, abridged.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { formatMigrationPlan } from '../../../src/cli/format-migration-plan.js';
import { planKeyVaultMigration } from '../../../src/migration/index.js';
import { fixture, IDENTITY } from '../../unit/migration/support.js';
import { extractExample, runExample } from './support/readme-examples.js';

const TMP = join(process.cwd(), '.tmp', 'readme');

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
    const lines = await runExample('quickstart', TMP);
    expect(lines).toEqual([
      expect.stringMatching(/^added, request id [0-9a-f-]{36}$/),
      '0123456789abcdef0123456789abcdef01234567 active',
      'state: active',
      'after delete: deleting',
      '404 CertificateNotFound',
    ]);
  });

  it('shows the migration plan as the CLI prints it, abridged where it says …', async () => {
    const readme = await readFile('README.md', 'utf8');
    const shown = extractExample(readme, 'migration-plan', 'text').trimEnd().split('\n');
    const plan = planKeyVaultMigration({
      pool: fixture('linux-pool.json'),
      secretUrls: fixture('linux-secrets.json') as Record<string, string>,
      identity: IDENTITY,
    });
    const actual = formatMigrationPlan(plan).split('\n');
    // Every shown line is a real line, in order; '…' stands for lines left out.
    let at = 0;
    for (const line of shown) {
      if (line === '…') continue;
      const found = actual.indexOf(line, at);
      expect({ line, found: found >= 0 }).toEqual({ line, found: true });
      at = found + 1;
    }
    expect(shown.filter((line) => line !== '…').length).toBeGreaterThan(20);
  });
});
