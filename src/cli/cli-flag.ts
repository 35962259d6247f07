/** One `--flag` of a command, as the parser and the help text see it. */
import type { ParameterSpec } from '../table/operation-table.js';

/** A flag: a switch (`boolean`) or a flag that takes one value (`string`). */
export interface CliFlag {
  /** The name without dashes, kebab-case, e.g. `client-request-id`. */
  readonly name: string;
  readonly kind: 'string' | 'boolean';
  /** How the help names the value, e.g. `N`, `DATE`, `PATH`. */
  readonly valueName?: string;
  /** One-paragraph help text. */
  readonly description: string;
  /** The flag may be given more than once (string flags only); its values are collected in order. */
  readonly multiple?: boolean;
  /** The command cannot run without it. */
  readonly required?: boolean;
  /** Shown as `(default: …)`: the service's default, documentation only. */
  readonly defaultText?: string;
  /** For flags derived from the operation table: the parameter they set. */
  readonly parameter?: ParameterSpec;
}
