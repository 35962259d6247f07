/**
 * Secret scan: the service (or a proxy) echoing credentials back, errors from every layer, the
 * deprecation warning on Node's own channel, and console output — none may carry the account
 * key (base64, decoded or hex), an Authorization value or signature, the bearer token, the
 * certificate password or the certificate data. The scanner itself is checked first.
 */
import { inspect } from 'node:util';
import { describe, expect, it, jest } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { resetDeprecationWarnings } from '../../../src/deprecation/deprecation-warnings.js';
import type { TokenCredential } from '../../../src/index.js';
import {
  createHarness,
  dynamicSecrets,
  journal,
  journalError,
  rejectionOf,
  useFaultServer,
} from './support/harness.js';
import {
  ACCOUNT_KEY,
  ACCOUNT_KEY_TEXT,
  ADD_URL,
  BEARER_TOKEN,
  CERT_DATA,
  CERT_PASSWORD,
  findSecrets,
  GET_URL,
  secretCertificate,
  THUMBPRINT,
} from './support/secrets.js';

const { server } = useFaultServer();

describe('the scanner', () => {
  it('finds each secret, pieces of them and run-time signatures, and nothing in clean text', () => {
    const signature = 'mibRUX3tDDj73p+tkYuXZiXQcnZwK1ukuYduAzBU9Ww=';
    const dynamic = [['signature', signature]] as const;
    for (const leak of [
      ACCOUNT_KEY,
      `key=${ACCOUNT_KEY_TEXT.slice(5, 20)}`,
      Buffer.from(ACCOUNT_KEY_TEXT, 'latin1').toString('hex').slice(10, 40),
      BEARER_TOKEN.slice(30, 50),
      `pw ${CERT_PASSWORD}`,
      CERT_DATA.slice(400, 413),
      `sig '${signature}'`,
    ]) {
      expect(findSecrets([`error: ${leak} end`], dynamic)).toHaveLength(1);
    }
    expect(
      findSecrets(['Operation certificate.add failed: 409 CertificateExists'], dynamic),
    ).toEqual([]);
  });
});

describe('faults whose answers quote credentials', () => {
  it('a 403 quoting the request signature and the Authorization header', async () => {
    const h = createHarness();
    server.use(
      http.post(ADD_URL, ({ request }) => {
        const auth = request.headers.get('authorization') ?? '';
        const signature = auth.split(':').pop();
        return HttpResponse.json(
          {
            code: 'AuthenticationFailed',
            message: {
              lang: 'en-US',
              value: `Server failed to authenticate the request. The MAC signature found in the HTTP request '${signature}' is not the same as any computed signature. Header was: ${auth}`,
            },
            values: [
              {
                key: 'AuthenticationErrorDetail',
                value: `The MAC signature found in the HTTP request '${signature}' is not the same`,
              },
              { key: 'Authorization', value: auth },
            ],
          },
          { status: 403, headers: { 'request-id': '11111111-2222-4333-8444-555555555555' } },
        );
      }),
    );
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(error).toMatchObject({ name: 'BatchServiceError', statusCode: 403 });
    expect(
      findSecrets([inspect(error, { showHidden: true, depth: 10 })], dynamicSecrets()),
    ).toEqual([]);
  });

  it('a 401 quoting the bearer token, and a proxy page echoing the request body', async () => {
    const credential: TokenCredential = {
      getToken: async () => ({ token: BEARER_TOKEN, expiresOnTimestamp: Date.UTC(2030, 0, 1) }),
    };
    const h = createHarness({ credential });
    server.use(
      http.get(GET_URL, () =>
        HttpResponse.json(
          {
            code: 'InvalidAuthenticationToken',
            message: { value: `Token Bearer ${BEARER_TOKEN} expired; token=${BEARER_TOKEN}` },
          },
          { status: 401 },
        ),
      ),
      http.post(ADD_URL, async ({ request }) =>
        HttpResponse.text(`<html><pre>${await request.text()}</pre></html>`, { status: 400 }),
      ),
    );
    await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(h.attempts.map((a) => a.headers.get('authorization'))).toEqual([
      `Bearer ${BEARER_TOKEN}`,
      `Bearer ${BEARER_TOKEN}`,
    ]);
  });

  it('invalid bodies holding the password and data', async () => {
    const h = createHarness();
    await rejectionOf(
      h.client.certificate.add({ ...secretCertificate(), certificateFormat: 'cer' }),
    );
    await rejectionOf(h.client.certificate.add({ ...secretCertificate(), data: `${CERT_DATA}!` }));
    await rejectionOf(
      h.client.certificate.add({ ...secretCertificate(), thumbprint: CERT_PASSWORD }),
    );
    expect(h.attempts).toHaveLength(0);
  });

  it('the deprecation warning on process.emitWarning, and credentials printed by the caller', async () => {
    resetDeprecationWarnings();
    const h = createHarness({ onWarning: undefined, deprecationWarnings: 'always' });
    server.use(http.post(ADD_URL, () => new HttpResponse(null, { status: 201 })));
    // Everything handed to Node's channel goes into the journal; Node would print it to stderr.
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation((...args) => {
      journal.texts.push(inspect(args, { depth: 5 }));
    });
    try {
      await h.client.certificate.add(secretCertificate());
      expect(emitWarning.mock.calls).toEqual([
        [
          expect.stringContaining('certificate.add() is deprecated'),
          { type: 'DeprecationWarning', code: 'BATCH_DEP_CERTIFICATE_ADD' },
        ],
      ]);
    } finally {
      emitWarning.mockRestore();
    }
    const { BatchSharedKeyCredential } = await import('../../../src/index.js');
    const credential = new BatchSharedKeyCredential('faultacct', ACCOUNT_KEY);
    console.log(credential);
    console.log('client:', h.client);
    journal.texts.push(JSON.stringify(credential), inspect(credential, { showHidden: true }));
    journalError(new Error('sentinel: nothing secret here'));
  });
});

describe('what the suite printed', () => {
  it('leaked no secret in any error, warning or console line', () => {
    expect(journal.texts.length).toBeGreaterThan(30);
    expect(findSecrets(journal.texts, dynamicSecrets())).toEqual([]);
  });
});
