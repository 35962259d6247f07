/**
 * An independent Shared Key implementation (node:crypto), written from Microsoft's "Authenticate
 * requests to the Azure Batch service" and used only to check signatures our client produced.
 */
import { createHmac } from 'node:crypto';

const STANDARD = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
];

export function independentSharedKey(
  account: string,
  keyBase64: string,
  method: string,
  url: string,
  headers: Headers,
): string {
  const get = (name: string) => headers.get(name) ?? '';
  const lines = [method.toUpperCase()];
  for (const name of STANDARD) {
    lines.push(name === 'date' && headers.has('ocp-date') ? '' : get(name));
  }
  const ocp = [...headers.keys()].filter((n) => n.startsWith('ocp-')).sort();
  let text = `${lines.join('\n')}\n`;
  for (const name of ocp) text += `${name}:${get(name).trim()}\n`;
  const parsed = new URL(url);
  text += `/${account}${parsed.pathname}`;
  const params = new Map<string, string[]>();
  for (const [name, value] of parsed.searchParams) {
    const key = name.toLowerCase();
    params.set(key, [...(params.get(key) ?? []), value]);
  }
  for (const name of [...params.keys()].sort()) {
    text += `\n${name}:${params.get(name)!.sort().join(',')}`;
  }
  const signature = createHmac('sha256', Buffer.from(keyBase64, 'base64'))
    .update(text, 'utf8')
    .digest('base64');
  return `SharedKey ${account}:${signature}`;
}
