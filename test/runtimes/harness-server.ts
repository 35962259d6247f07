/**
 * The runtime matrix's server, one per runtime: a fresh emulator (from the installed tarball)
 * behind Node's `node:http` on loopback, so each runtime's requests arrive as it framed them on the
 * wire. It reuses the browser test's server (test/browser/test-server.ts), which also serves the
 * page for Chromium from the same origin (no CORS) and records every request as it arrived.
 *
 * The emulator's test hooks are HTTP routes beside it, so the program reaches them from a worker
 * or a page too: `POST /_harness/complete-deletions`, `POST /_harness/mark-in-use?thumbprint=…&
 * pool=…`, `POST /_harness/mode?value=classic|retired` — each answers 204.
 */
import { type StaticFiles, startTestServer } from '../browser/test-server.ts';

type TestingEntry = typeof import('../../src/testing/index.js');
type BatchEmulator = ReturnType<TestingEntry['createBatchEmulator']>;

function applyHook(emulator: BatchEmulator, url: URL): Response {
  const account = emulator.accountNames[0] as string;
  const hook = url.pathname.slice('/_harness/'.length);
  const param = (name: string) => url.searchParams.get(name) ?? '';
  if (hook === 'complete-deletions') emulator.completeDeletions();
  else if (hook === 'mark-in-use')
    emulator.markInUse(account, param('thumbprint'), [param('pool')]);
  else if (hook === 'mode' && (param('value') === 'classic' || param('value') === 'retired')) {
    emulator.setMode(param('value') as 'classic' | 'retired');
  } else return new Response(`no harness hook ${url.pathname}${url.search}`, { status: 404 });
  return new Response(null, { status: 204 });
}

/** Starts a fresh emulator of `testing` behind the server; `files` are served as they are. */
export async function startHarnessServer(testing: TestingEntry, files: StaticFiles) {
  const emulator = testing.createBatchEmulator();
  return startTestServer(files, async (request) => {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname.startsWith('/_harness/')) {
      return applyHook(emulator, url);
    }
    return emulator.handle(request);
  });
}
