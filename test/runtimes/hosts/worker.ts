/** The lifecycle as a module worker for workerd: POST `{ "url": … }`, get the report as JSON. */
import { runLifecycle } from '../lifecycle.ts';

export default {
  async fetch(request: Request): Promise<Response> {
    const { url } = (await request.json()) as { url: string };
    return Response.json(await runLifecycle(url));
  },
};
