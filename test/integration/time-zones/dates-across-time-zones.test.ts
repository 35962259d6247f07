/**
 * The same text means the same instant on every host. Node reads `TZ` once, when the process
 * starts, so each zone gets its own child: the probe (support/date-probe.ts) is bundled once and
 * run under five zones in parallel (about a second in all), and every child must print the same
 * dates — the expected ones below, written out in UTC.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleForNode } from '../../../scripts/lib/bundle-for-node.ts';

const run = promisify(execFile);
/** UTC, a zone with summer time, a 45-minute offset, a negative half-hour one, and +14. */
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Kiritimati'];
const AT = '2024-02-01T09:15:00.000Z';

let dir: string;
let probes: Record<string, unknown>[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'date-probe-'));
  const bundle = await bundleForNode(
    { entry: fileURLToPath(new URL('./support/date-probe.ts', import.meta.url)) },
    join(dir, 'date-probe.mjs'),
  );
  probes = await Promise.all(
    ZONES.map(async (zone) => {
      const { stdout } = await run(process.execPath, [bundle], {
        env: { PATH: process.env.PATH ?? '', TZ: zone },
      });
      return JSON.parse(stdout) as Record<string, unknown>;
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dates read from text are the same instant in every time zone', () => {
  it('the children ran in the five zones, where text without an offset means five instants', () => {
    expect(probes.map((p) => p.zoneOffset)).toEqual([0, -60, -345, 210, -840]);
    expect(new Set(probes.map((p) => p.control)).size).toBe(ZONES.length);
  });

  it.each(ZONES.map((zone, i) => [zone, i] as const))('under TZ=%s', (_zone, i) => {
    const { zoneOffset: _z, control: _c, ...dates } = probes[i]!;
    expect(dates).toEqual({
      // Results: an answer's date-time without an offset is refused (unexpectedShape).
      results: [AT, AT, '2024-02-01T09:15:00.123Z', null],
      // ocp-date: the stamp from the clock, then the caller's Date.
      sent: ['Thu, 01 Feb 2024 09:15:00 GMT', 'Thu, 01 Feb 2024 09:15:00 GMT'],
      // Response headers: the three HTTP-date forms as GMT; without GMT, left out.
      rfc1123Headers: [AT, AT, AT, null],
      dateTimeHeaders: [AT, AT, '2024-02-01T09:15:00.123Z', null],
      retryAfterDates: [AT, AT, AT, null],
      rfc3339: [AT, AT, '2024-02-01T09:15:00.123Z', null],
      // CLI flags: a zone is required, a day alone is 00:00 UTC.
      cliFlags: [AT, AT, '2024-02-01T00:00:00.000Z', AT, AT, null],
      // The emulator's ocp-date is RFC 1123 only (IMF-fixdate, GMT).
      emulatorOcpDate: [AT, null, null, null],
      // datetime'…' without a zone is UTC, as the Batch service reads it.
      emulatorFilter: [AT, AT, AT, AT],
    });
  });
});
