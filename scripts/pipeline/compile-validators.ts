/**
 * Compiles JSON Schemas into one standalone ESM module of ajv validators, so nothing is compiled
 * at run time and the published package needs no ajv at all.
 *
 * - Each shared schema (`def.<Name>`, `shape.<Name>`, `param.<name>`; see json-schemas.ts) is
 *   compiled once into one function that every root and every other shared schema calls
 *   (`inlineRefs: false`: no copy of its code at a `$ref`), so the module grows with the spec's
 *   schemas, not with operations × schemas. Roots that are the same schema but for their id share
 *   one function too. Only the roots are exported.
 * - ajv reports an error inside a `$ref`'d schema with a `schemaPath` relative to that schema
 *   (`#/properties/thumbprint/pattern`), which would not say which schema; a shared schema's
 *   errors are therefore reported with its id in front
 *   (`def.CertificateAddParameter#/properties/thumbprint/pattern`), which is the key the
 *   rule-messages step gives them. Errors of a root keep ajv's `#/…` (the key is the validator's
 *   id before it). Every key of `ruleMessages` is checked to be a `schemaPath` the code reports.
 * - `unicode: false`: `maxLength` counts UTF-16 code units. Our length limits are on base64 and
 *   hex strings (ASCII), where both counts agree, and it avoids ajv's `ucs2length` helper, which
 *   standalone output would `require()` even in ESM mode.
 * - `instanceofDate`, `dateOrString`, `dateText`, `base64` and `maxBytes`: code-generating
 *   keywords (inlined, no runtime helper) for date parameters, date-times in bodies and answers,
 *   `format: byte` strings and size limits in decoded bytes.
 * - `x-batch-messages`: an annotation (the words of a rule), no code.
 * - The output is checked for `require(`: a helper slipping in would break ESM consumers.
 */
import Ajv, { _, type Code, type KeywordCxt, type Name, str } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { RULE_WORDS, type SchemaSet } from './json-schemas.ts';
import { collectRuleMessages } from './rule-messages.ts';

/**
 * RFC 3339 `date-time` (section 5.6): date, `T`, time, optional fraction, and `Z` or an offset —
 * never without one, which `Date.parse` would read in the host's time zone. Fields in their
 * ranges (no hour 24; a leap second gives no `Date` in JavaScript, so it is refused as well).
 */
const RFC3339_DATE_TIME = _`/^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt]([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$/`;
/** RFC 3339 `full-date`: what a `format: date` value is (JavaScript reads it as UTC midnight). */
const RFC3339_FULL_DATE = _`/^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$/`;

/**
 * Code that is true when `text` (already matching one of the forms above) names no instant or a
 * day its month does not have: `Date.parse` rolls 2025-02-30 over to March 2 instead of failing.
 * The text's own date, read alone, is UTC midnight of that day, whose UTC day must be the text's.
 */
function notAnInstant(text: Name): Code {
  return _`Number.isNaN(Date.parse(${text})) || new Date(Date.parse(${text}.slice(0, 10))).getUTCDate() !== +${text}.slice(8, 10)`;
}

export interface CompiledModule {
  js: string;
  dts: string;
}

export function compileValidators(schemas: SchemaSet): CompiledModule {
  const ajv = new Ajv.default({
    allErrors: true,
    // ajv's own messages are never shown: src/validation/rule-words.ts states every rule in words
    // from the keyword and its params, so the generated code leaves them out (5% smaller).
    messages: false,
    inlineRefs: false, // a shared schema is one function, never inlined into its callers
    strict: true,
    strictRequired: false,
    unicode: false,
    unicodeRegExp: false, // our patterns are ASCII; non-unicode regexps are faster
    code: { source: true, esm: true, lines: true, optimize: true },
    // ajv flags `unicode` as deprecated but still honours it (limitLength); keep its other warnings.
    logger: {
      log: () => {},
      warn: (...args: unknown[]) => {
        if (!String(args[0]).includes('option unicode')) console.warn(...args);
      },
      error: (...args: unknown[]) => console.error(...args),
    },
  });
  ajv.addKeyword({
    keyword: 'instanceofDate',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      cxt.fail(_`!(${cxt.data} instanceof Date) || Number.isNaN(${cxt.data}.getTime())`);
    },
    error: { message: 'must be a valid Date' },
  });
  ajv.addKeyword({
    keyword: 'base64',
    type: 'string',
    schemaType: 'boolean',
    // Standard alphabet, '=' padding only at the end, length a multiple of 4. One linear regex
    // scan: the equivalent `pattern` with 4-character groups backtracks at every group (~3x slower
    // on a 10 KB certificate, per `npm run bench`).
    code(cxt: KeywordCxt) {
      cxt.fail(_`${cxt.data}.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(${cxt.data})`);
    },
    error: { message: 'must be base64 (A-Z, a-z, 0-9, +, /; padded with = to a multiple of 4)' },
  });
  ajv.addKeyword({
    keyword: 'maxBytes',
    type: 'string',
    schemaType: 'number',
    // Decoded size of a base64 string without decoding it: 3 bytes per 4 characters, less the
    // padding — `base64DecodedLength` of src/util/base64.ts, inlined because generated code
    // imports nothing. (Whether it is base64 at all is the `base64` keyword's concern.)
    code(cxt: KeywordCxt) {
      const d = cxt.data;
      cxt.fail(
        _`((${d}.length * 3) >> 2) - (${d}.endsWith("==") ? 2 : ${d}.endsWith("=") ? 1 : 0) > ${cxt.schemaCode}`,
      );
    },
    error: {
      message: ({ schemaCode }) =>
        str`must be at most ${schemaCode} bytes once decoded from base64`,
      params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
    },
  });
  ajv.addKeyword({
    keyword: 'dateOrString',
    schemaType: 'boolean',
    // A Date that is not Invalid Date, or RFC 3339 text (what `format: date-time` means in
    // OpenAPI) that names a real instant.
    code(cxt: KeywordCxt) {
      const d = cxt.data;
      cxt.fail(
        _`typeof ${d} === "string" ? !${RFC3339_DATE_TIME}.test(${d}) || ${notAnInstant(d)} : !(${d} instanceof Date) || Number.isNaN(${d}.getTime())`,
      );
    },
    error: { message: 'must be a Date or an RFC 3339 date-time string' },
  });
  ajv.addKeyword({
    keyword: 'dateText',
    type: 'string',
    schemaType: 'string',
    // In an answer, text the model turns into a `Date` (the keyword's value is its format): it
    // must give a real one, not Invalid Date, and the same instant on every host. Only the forms
    // ECMAScript itself defines are accepted: RFC 3339 with `Z` or an offset (without one,
    // `Date.parse` reads the host's time zone) and a date alone (read as UTC by definition).
    code(cxt: KeywordCxt) {
      const d = cxt.data;
      const form = cxt.schema === 'date' ? RFC3339_FULL_DATE : RFC3339_DATE_TIME;
      cxt.fail(_`!${form}.test(${d}) || ${notAnInstant(d)}`);
    },
    error: {
      message: 'must be an RFC 3339 date-time with a time zone offset',
      params: ({ schemaCode }) => _`{format: ${schemaCode}}`,
    },
  });
  ajv.addKeyword({
    keyword: 'readOnlyProperty',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      cxt.fail(_`true`);
    },
    error: { message: 'is read-only' },
  });
  ajv.addKeyword(RULE_WORDS);
  for (const { id, schema } of schemas.definitions) {
    ajv.addSchema(schema, id);
    // ajv starts a schema's error paths at this prefix (`#` unless set; its JTD mode sets it the
    // same way for definitions), so an error names the shared schema it comes from.
    ajv.schemas[id]!.schemaPath = `${id}#`;
  }
  // Roots that are the same schema but for their `$id` (the parameters of many operations) share
  // one function: compiled under the first id, exported under the others as aliases (standalone
  // code would emit the function again for every export naming it).
  const mapping: Record<string, string> = {};
  const aliases: string[] = [];
  const bySchema = new Map<string, string>();
  for (const { id, schema } of schemas.roots) {
    const { $id: _, ...rest } = schema;
    const key = JSON.stringify(rest);
    const same = bySchema.get(key);
    if (same === undefined) {
      bySchema.set(key, id);
      ajv.addSchema(schema, id);
      mapping[exportName(id)] = id;
    } else {
      aliases.push(`export const ${exportName(id)} = ${same};`);
    }
  }
  const js = `${dropUnreadSchemas(standaloneCode.default(ajv, mapping))}\n${aliases.join('\n')}`;
  if (/\brequire\(/.test(js)) {
    throw new Error(
      'compiled validators contain require(): a runtime helper leaked into ESM output',
    );
  }
  const ruleEntries = Object.entries(
    collectRuleMessages([...schemas.roots, ...schemas.definitions]),
  ).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shared = new Set(schemas.definitions.map(({ id }) => id));
  for (const [key] of ruleEntries) {
    const at = key.indexOf('#');
    const reported = shared.has(key.slice(0, at)) ? key : key.slice(at);
    if (!js.includes(`schemaPath:${JSON.stringify(reported)}`)) {
      throw new Error(`rule messages: no compiled rule reports the schemaPath of ${key}`);
    }
  }
  const messages = JSON.stringify(Object.fromEntries(ruleEntries), null, 2);
  const dts = [
    '// Generated by scripts/generate.ts. Do not edit.',
    'export interface ValidationErrorObject {',
    '  instancePath: string;',
    '  schemaPath: string;',
    '  keyword: string;',
    '  params: Record<string, unknown>;',
    '  message?: string;',
    '}',
    'export interface CompiledValidator {',
    '  (data: unknown): boolean;',
    '  errors?: ValidationErrorObject[] | null;',
    '}',
    ...schemas.roots.map(({ id }) => `export declare const ${id}: CompiledValidator;`),
    '/**',
    ' * The words of rules whose meaning the keyword alone does not say (a pattern, a conditional',
    ' * rule), keyed by `<schema id>#<pointer>`: the `schemaPath` of a validation error inside a',
    ' * shared schema (`def.CertificateAddParameter#/properties/thumbprint/pattern`), or the',
    ' * validator id followed by the `schemaPath` (`#/...`) of an error of its own schema;',
    ' * `field` names the property the rule is about when the error is reported on its parent.',
    ' */',
    'export declare const ruleMessages: Readonly<Record<string, { field?: string; message: string }>>;',
    '',
  ].join('\n');
  const rules = `export const ruleMessages = ${messages};`;
  return { js: `// Generated by scripts/generate.ts. Do not edit.\n${js}\n${rules}\n`, dts };
}

/**
 * ajv's standalone code declares every compiled schema as a literal (`const schema31 = {...};`,
 * one line), read or not; the code reads one only for a few keywords (the allowed values of an
 * `enum` in its error, a long `properties` list). The literals nothing reads are dropped: a
 * literal is kept whenever its name appears anywhere else in the module.
 */
export function dropUnreadSchemas(js: string): string {
  const uses = new Map<string, number>();
  for (const [name] of js.matchAll(/\bschema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  return js.replace(/^const (schema\d+) = .*\n/gm, (line, name: string) => {
    if (!line.endsWith(';\n')) throw new Error(`compiled validators: unexpected line ${line}`);
    return uses.get(name) === 1 ? '' : line;
  });
}

/** Validator ids are `Operation_Id_body` / `Operation_Id_parameters`: already identifiers. */
export function exportName(id: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(id)) throw new Error(`validator id "${id}" is not an identifier`);
  return id;
}
