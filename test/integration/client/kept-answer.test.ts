/**
 * An answer already received is never sent again: a failure while reading its body is reported,
 * not retried (retrying could repeat a POST that took effect). Uses a real loopback socket and no
 * msw, whose interceptor reads bodies before fetch resolves.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { BatchClient, isBatchNetworkError } from '../../../src/index.js';
import { testClient } from '../../support/test-client.js';

const THUMB = '0123456789abcdef0123456789abcdef01234567';

describe('answers already received are never sent again', () => {
  it('a 200 whose body breaks while being read is a network error after one request', async () => {
    // A real socket (msw would read the body before answering): headers, half a body, then reset.
    let received = 0;
    const server = createServer((_req, res) => {
      received++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"thumbprint":"01', () => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = new BatchClient(`http://127.0.0.1:${port}`, testClient.credential(), {
        allowInsecureConnection: true,
        onWarning: () => {},
        sleep: async () => {},
      });
      const error = await client.certificate.get('sha1', THUMB).catch((e: unknown) => e);
      expect(isBatchNetworkError(error)).toBe(true);
      expect((error as { attempts?: number }).attempts).toBe(1);
      expect(received).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
