/**
 * One msw server per test file: unhandled requests fail the test, handlers reset after each test,
 * and every request that reached a handler is recorded (cloned) for assertions.
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { setupServer } from 'msw/node';

export function useMswServer() {
  const server = setupServer();
  const requests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone());
  });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  return { server, requests };
}
