/**
 * Run in a child process under a given `TZ` (bundled by dates-across-time-zones.test.ts): prints
 * one JSON line saying what every place that turns text into a date made of the same inputs —
 * the client's results and response headers, the request dates it sends, the CLI's date flags,
 * the emulator's `ocp-date` and `datetime'…'` filter literals. Each date is given as ISO text in
 * UTC, or `null` when refused, so two hosts agree exactly when their lines are equal.
 */
import { parseDate } from '../../../../src/cli/parse-value.js';
import { readHeaders } from '../../../../src/client/response-headers.js';
import { parseRfc1123 } from '../../../../src/emulator/http-date.js';
import { parseFilterDateTime } from '../../../../src/emulator/odata-datetime.js';
import { BatchClient, BatchSharedKeyCredential } from '../../../../src/index.js';
import { parseHttpDate } from '../../../../src/util/http-date.js';
import { parseRfc3339DateTime } from '../../../../src/util/rfc3339.js';

const NOW = Date.UTC(2024, 0, 1);
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export const RESULT_DATE_TIMES = [
  '2024-02-01T09:15:00Z',
  '2024-02-01T10:15:00+01:00',
  '2024-02-01T09:15:00.1234567Z',
  '2024-02-01T09:15:00',
];
export const HEADER_DATES = [
  'Thu, 01 Feb 2024 09:15:00 GMT',
  'Thursday, 01-Feb-24 09:15:00 GMT',
  'Thu Feb  1 09:15:00 2024',
  'Thu, 01 Feb 2024 09:15:00',
];
export const FLAG_DATES = [
  '2024-02-01T09:15:00Z',
  '2024-02-01T10:15+01:00',
  '2024-02-01',
  'Thu, 01 Feb 2024 09:15:00 GMT',
  'Thu, 01 Feb 2024 10:15:00 +0100',
  '2024-02-01T09:15:00',
];
export const FILTER_DATE_TIMES = [
  '2024-02-01T09:15:00Z',
  '2024-02-01T09:15:00',
  '2024-02-01T09:15',
  '2024-02-01T10:15:00+01:00',
];

async function clientResults(): Promise<(string | null)[]> {
  const results: (string | null)[] = [];
  for (const text of RESULT_DATE_TIMES) {
    const client = new BatchClient(
      'https://acct.region.batch.azure.com',
      new BatchSharedKeyCredential('acct', 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='),
      {
        onWarning: () => {},
        retry: { maxRetries: 0 },
        fetch: async () =>
          Response.json({ thumbprint: 'ab', stateTransitionTime: text }, { status: 200 }),
      },
    );
    try {
      const certificate = await client.certificate.get('sha1', 'ab');
      results.push((certificate.stateTransitionTime as Date).toISOString());
    } catch (error) {
      if ((error as { problem?: string }).problem !== 'unexpectedShape') throw error;
      results.push(null);
    }
  }
  return results;
}

/** The `ocp-date` the client stamps, and the one it sends for an `ocpDate` the caller gives. */
async function sentDates(): Promise<(string | null)[]> {
  const sent: (string | null)[] = [];
  const client = new BatchClient(
    'https://acct.region.batch.azure.com',
    new BatchSharedKeyCredential('acct', 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='),
    {
      onWarning: () => {},
      now: () => Date.UTC(2024, 1, 1, 9, 15),
      fetch: async (_url, init) => {
        sent.push(new Headers(init?.headers).get('ocp-date'));
        return Response.json({ thumbprint: 'ab' }, { status: 200 });
      },
    },
  );
  await client.certificate.get('sha1', 'ab');
  await client.certificate.get('sha1', 'ab', { ocpDate: new Date(Date.UTC(2024, 1, 1, 9, 15)) });
  return sent;
}

const spec = (format: string) => [
  { wireName: 'x-date', clientName: 'date', type: 'string' as const, format },
];
const header = (format: string, text: string) => {
  const value = readHeaders(spec(format), new Headers({ 'x-date': text }), () => NOW).date;
  return value instanceof Date ? value.toISOString() : null;
};

const probe = {
  // Minutes UTC is ahead of local time on that day, as `getTimezoneOffset` says.
  zoneOffset: new Date(Date.UTC(2024, 1, 1)).getTimezoneOffset(),
  // What `new Date` makes of text without an offset: differs between zones, so the test can
  // tell that the children really ran in different ones.
  control: new Date('2024-02-01T09:15:00').toISOString(),
  results: await clientResults(),
  sent: await sentDates(),
  rfc1123Headers: HEADER_DATES.map((text) => header('date-time-rfc1123', text)),
  dateTimeHeaders: RESULT_DATE_TIMES.map((text) => header('date-time', text)),
  retryAfterDates: HEADER_DATES.map((text) => iso(parseHttpDate(text, NOW))),
  rfc3339: RESULT_DATE_TIMES.map((text) => iso(parseRfc3339DateTime(text))),
  cliFlags: FLAG_DATES.map((text) => parseDate(text)?.toISOString() ?? null),
  emulatorOcpDate: HEADER_DATES.map((text) => iso(parseRfc1123(text))),
  emulatorFilter: FILTER_DATE_TIMES.map((text) => {
    const instant = parseFilterDateTime(text);
    return instant === undefined ? null : iso(instant.ms);
  }),
};
process.stdout.write(`${JSON.stringify(probe)}\n`);
