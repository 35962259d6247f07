/**
 * `certificate migrate-plan` output: the plan as readable text, or as one JSON document. Pure.
 * The plan holds no secret (no password, key or certificate data); nothing is added here.
 */
import type { KeyVaultMigrationPlan } from '../migration/migration-plan.js';
import { HELP_WIDTH, wrapText } from './wrap-text.js';

const SHAPES = { batch: 'Batch service JSON', arm: 'ARM resource JSON' } as const;
const OS_FROM = {
  input: 'as given',
  nodeAgentSkuId: 'from its nodeAgentSKUId',
  cloudServiceConfiguration: 'from its cloudServiceConfiguration',
} as const;

function wrapped(text: string, indent: string): string[] {
  return wrapText(text, HELP_WIDTH, indent);
}

/** `label text` with the text wrapped under itself. */
function labelled(label: string, text: string, indent: string): string[] {
  const pad = ' '.repeat(label.length);
  const lines = wrapText(text, HELP_WIDTH - indent.length - label.length);
  return lines.map((line, i) => `${indent}${i === 0 ? label : pad}${line}`);
}

function certificateLines(plan: KeyVaultMigrationPlan): string[] {
  const lines = [`Certificates (${plan.certificates.length})`];
  plan.certificates.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.thumbprint}  (${c.reference.path})`);
    lines.push(...labelled('was:  ', c.reference.meaning, '     '));
    if (c.landing) {
      const where =
        c.landing.osFamily === 'linux'
          ? `${c.landing.path} (${c.landing.description})`
          : c.landing.description;
      lines.push(...labelled('now:  ', where, '     '));
    } else if (c.installedBy === 'start-task') {
      lines.push(
        ...labelled('now:  ', 'not installed by the extension: a start task fetches it', '     '),
      );
    } else {
      lines.push(...labelled('now:  ', 'left out: no Key Vault secret URL mapped', '     '));
    }
    if (c.secretUrl) lines.push(`     from: ${c.secretUrl}`);
  });
  return lines;
}

function importLines(plan: KeyVaultMigrationPlan): string[] {
  if (plan.keyVaultImports.length === 0) return [];
  const lines = ['', 'Key Vault imports (run where the files are)'];
  for (const command of plan.keyVaultImports) lines.push(`  ${command.command}`);
  const variables = [
    ...new Set(plan.keyVaultImports.flatMap((c) => c.passwordEnvironmentVariable ?? [])),
  ];
  for (const variable of variables) {
    lines.push(`  The password is read from $${variable}; set it first, without echo:`);
    lines.push(`    read -rs ${variable} && export ${variable}`);
  }
  return lines;
}

function attentionLines(plan: KeyVaultMigrationPlan, severity: 'required' | 'advisory'): string[] {
  const items = plan.attention.filter((a) => a.severity === severity);
  if (items.length === 0) return [];
  const title = severity === 'required' ? 'Needs a person' : 'Notes';
  const lines = ['', `${title} (${items.length})`];
  for (const item of items) {
    lines.push(`  - [${item.code}]${item.thumbprint ? ` ${item.thumbprint}` : ''}`);
    lines.push(...wrapped(item.message, '    '));
    lines.push(`    source: ${item.source.title} (${item.source.url})`);
  }
  return lines;
}

/** The plan for a terminal: certificates, fragment, imports, steps, what needs a person. */
export function formatMigrationPlan(plan: KeyVaultMigrationPlan): string {
  const pool = plan.pool;
  const name = pool.id === undefined ? 'the pool' : `pool '${pool.id}'`;
  const fragment = JSON.stringify(plan.armPoolFragment, null, 2)
    .split('\n')
    .map((line) => `  ${line}`);
  const lines = [
    `Key Vault migration plan for ${name} (${SHAPES[pool.shape]}; ${pool.osFamily} nodes, ${OS_FROM[pool.osFamilySource]})`,
    '',
    ...certificateLines(plan),
    '',
    "ARM pool fragment (merge into the new pool's body; keep its image, size and other settings)",
    ...fragment,
    ...importLines(plan),
    '',
    'Steps',
    ...plan.steps.flatMap((step, i) => [
      ...labelled(`${i + 1}. `, `${step.title}. ${step.detail}`, '  '),
      `     source: ${step.source.title} (${step.source.url})`,
    ]),
    ...attentionLines(plan, 'required'),
    ...attentionLines(plan, 'advisory'),
    '',
  ];
  return lines.join('\n');
}

/** The plan as one JSON document. */
export function formatMigrationPlanJson(plan: KeyVaultMigrationPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
