/**
 * The environment the generators run in, so what they write is byte-identical on every machine.
 *
 * Node's ICU takes its default locale from `LC_ALL`, else `LC_MESSAGES`, else `LANG` (checked with
 * Node 24: `LC_ALL=lt_LT.UTF-8` gives `lt-LT`, `LANGUAGE` and `LC_COLLATE` are not read; Node
 * bundles full ICU, so no OS locale needs to be installed), and its time zone from `TZ` — all
 * once, when the process starts. hey-api 0.99.0 orders imports with `localeCompare`, so under
 * `LC_ALL=lt_LT.UTF-8` it wrote another `sdk.gen.ts`; it also names identifiers with
 * `toLocaleLowerCase()` (V8 applies no default locale there today — `I` stays `i` under
 * `tr_TR` — but nothing promises that). A script that writes generated output therefore re-runs itself in a child with a fixed
 * locale and zone: `C.UTF-8`, which ICU reads as `en-US` (the locale the committed output was
 * written in), and UTC.
 *
 * On Windows ICU follows the user's display language instead of these variables; the child then
 * warns when its locale is not `en-US`, and `npm run generate -- --check` shows any difference.
 */
import { spawn } from 'node:child_process';

/** The variables the generators run with. `LANGUAGE` (gettext only) is removed. */
export const GENERATOR_ENVIRONMENT: Readonly<Record<string, string>> = {
  LC_ALL: 'C.UTF-8',
  LANG: 'C.UTF-8',
  TZ: 'UTC',
};

/** The ICU locale and time zone the fixed environment gives. */
export const GENERATOR_LOCALE = 'en-US';
export const GENERATOR_TIME_ZONE = 'UTC';

/** Whether this process already runs with {@link GENERATOR_ENVIRONMENT}. */
export function hasGeneratorEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    Object.entries(GENERATOR_ENVIRONMENT).every(([name, value]) => env[name] === value) &&
    env.LANGUAGE === undefined
  );
}

/**
 * Runs this script again (same Node, flags and arguments) in a child with
 * {@link GENERATOR_ENVIRONMENT}, its output passed through.
 *
 * @returns The child's exit code (1 when it was killed by a signal).
 */
export function rerunInGeneratorEnvironment(): Promise<number> {
  const { LANGUAGE: _gettextOnly, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...inherited, ...GENERATOR_ENVIRONMENT } },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * What differs between this process's ICU defaults and the generators' own, in words (empty when
 * they match): a warning for the platforms where the variables do not reach ICU.
 */
export function environmentMismatch(): string[] {
  const locale = new Intl.Collator().resolvedOptions().locale;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const problems: string[] = [];
  if (locale !== GENERATOR_LOCALE) {
    problems.push(`the ICU default locale is ${locale}, not ${GENERATOR_LOCALE}`);
  }
  if (timeZone !== GENERATOR_TIME_ZONE) {
    problems.push(`the time zone is ${timeZone}, not ${GENERATOR_TIME_ZONE}`);
  }
  return problems;
}
