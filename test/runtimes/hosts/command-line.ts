/** The lifecycle as a program for Node, Deno and Bun: `<runtime> lifecycle-cli.mjs <url>`. */
import { runLifecycle } from '../lifecycle.ts';

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: <runtime> lifecycle-cli.mjs <emulator url>');
console.log(JSON.stringify(await runLifecycle(url)));
