/**
 * Runs `batch-rest certificate migrate-plan`: reads the pool and secrets JSON (files or stdin) and
 * the local certificate files, then prints the plan of `planKeyVaultMigration`. Nothing goes over
 * the network. Passwords open `.pfx` files and are then dropped: the printed import command names
 * the environment variable, never the value.
 */
import { isCertificateFileError } from '../certificate-file/certificate-file-error.js';
import { certificateFromFile } from '../certificate-file/certificate-from-file.js';
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { isBatchValidationError } from '../errors/guards.js';
import type { LocalCertificateFile } from '../migration/migration-input.js';
import { planKeyVaultMigration } from '../migration/plan-key-vault-migration.js';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import { checkVariableFlag, readVariableFlag } from './environment-variable-flag.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatMigrationPlan, formatMigrationPlanJson } from './format-migration-plan.js';
import type { JsonSource, MigratePlanInvocation } from './parse-migrate-plan-flags.js';
import { parseJsonBody } from './read-body.js';

const HELP = 'batch-rest certificate migrate-plan --help';
/** The variable the import command names when the password was typed at a prompt. */
export const PROMPTED_PASSWORD_VARIABLE = 'PFX_PASSWORD';

async function readJson(source: JsonSource, flag: string, io: CliIo): Promise<unknown> {
  if (source.from === 'stdin') return parseJsonBody(await io.readStdin(), `${flag} -`);
  let text: string;
  try {
    text = await io.readFile(source.path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliUsageError(
      `cannot read ${flag} '${source.path}'${typeof code === 'string' ? ` (${code})` : ''}`,
      HELP,
    );
  }
  return parseJsonBody(text, flag);
}

function passwordFromEnvironment(variable: string | undefined, io: CliIo): string | undefined {
  if (variable === undefined) return undefined;
  return readVariableFlag('--password-env', variable, io.env, HELP);
}

/**
 * Reads one local file. A password is used only when the file needs one: from `--password-env`,
 * else from a prompt without echo when stdin is a terminal.
 */
async function readLocalCertificate(
  path: string,
  invocation: MigratePlanInvocation,
  io: CliIo,
): Promise<LocalCertificateFile> {
  const local = (thumbprint: string, format: 'cer' | 'pfx', variable?: string) => ({
    path,
    thumbprint,
    certificateFormat: format,
    ...(variable === undefined ? {} : { passwordEnvironmentVariable: variable }),
  });
  try {
    const read = await certificateFromFile(path);
    return local(read.thumbprint, read.certificateFormat ?? 'cer');
  } catch (error) {
    if (!isCertificateFileError(error) || error.code !== 'PASSWORD_REQUIRED') throw error;
    const fromEnvironment = passwordFromEnvironment(invocation.passwordEnv, io);
    if (fromEnvironment === undefined && !io.stdinIsTTY) throw error;
    const password = fromEnvironment ?? (await io.promptSecret(`Password for ${path}: `));
    const read = await certificateFromFile(path, { password });
    return local(read.thumbprint, 'pfx', invocation.passwordEnv ?? PROMPTED_PASSWORD_VARIABLE);
  }
}

const PATH_PREFIXES: readonly [RegExp, string][] = [
  [/^identity\.resourceId$/, '--identity'],
  [/^identity\.clientId$/, '--client-id'],
  [/^osFamily$/, '--os'],
  [/^pollingIntervalInSeconds$/, '--polling-interval'],
  [/^linuxCertificateStoreLocation$/, '--linux-store-location'],
  [/^localCertificates\[\d+\]\.passwordEnvironmentVariable$/, '--password-env'],
];

/** Names the command line's flags in the library's issue paths (`identity.clientId` → `--client-id`). */
export function cliIssuePath(path: string): string {
  for (const [pattern, flag] of PATH_PREFIXES) if (pattern.test(path)) return flag;
  if (path === 'pool' || path.startsWith('pool.') || path.startsWith('pool[')) {
    return `--pool ${path}`;
  }
  if (path.startsWith('secretUrls'))
    return `--secrets${path.slice('secretUrls'.length).replace(/^\./, ' ')}`;
  return path;
}

function withCliPaths(error: unknown): unknown {
  if (!isBatchValidationError(error)) return error;
  const issues: BatchValidationIssue[] = error.issues.map((issue) => ({
    ...issue,
    path: cliIssuePath(issue.path),
  }));
  return new BatchValidationError(issues);
}

/** Runs the command; resolves with the exit code. */
export async function runMigratePlan(
  invocation: MigratePlanInvocation,
  io: CliIo,
): Promise<ExitCode> {
  // Refused before anything is read, even when no file turns out to need a password.
  if (invocation.passwordEnv !== undefined) {
    checkVariableFlag('--password-env', invocation.passwordEnv, io.env, HELP);
  }
  const pool = await readJson(invocation.pool, '--pool', io);
  const secretUrls = await readJson(invocation.secrets, '--secrets', io);
  const localCertificates: LocalCertificateFile[] = [];
  for (const path of invocation.certificateFiles) {
    localCertificates.push(await readLocalCertificate(path, invocation, io));
  }
  let plan: ReturnType<typeof planKeyVaultMigration>;
  try {
    plan = planKeyVaultMigration({
      pool,
      secretUrls: secretUrls as Record<string, string>,
      identity: invocation.identity,
      ...(invocation.osFamily ? { osFamily: invocation.osFamily } : {}),
      localCertificates,
      ...(invocation.pollingIntervalInSeconds === undefined
        ? {}
        : { pollingIntervalInSeconds: invocation.pollingIntervalInSeconds }),
      ...(invocation.linuxStoreLocation === undefined
        ? {}
        : { linuxCertificateStoreLocation: invocation.linuxStoreLocation }),
    });
  } catch (error) {
    throw withCliPaths(error);
  }
  io.stdout(invocation.json ? formatMigrationPlanJson(plan) : formatMigrationPlan(plan));
  return EXIT_CODES.ok;
}
