/**
 * A way to build an operation's request body from flags instead of a JSON document, keyed by the
 * body's schema name (so it follows the schema, not a particular operation). The certificate
 * source (`--file`) turns a certificate file into a `CertificateAddParameter`.
 */
import type { CliFlag } from './cli-flag.js';

/** What a body source may use besides its flags: environment and an interactive secret prompt. */
export interface BodySourceContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `true` when stdin is a terminal, so a prompt can be shown. */
  readonly stdinIsTTY: boolean;
  /** Asks for a secret on the terminal without echo. */
  readonly promptSecret: (question: string) => Promise<string>;
}

/** Builds a body from flag values. */
export interface BodySource {
  /** The body schema it builds, e.g. `CertificateAddParameter`. */
  readonly schema: string;
  /** Its flags; the first one selects the source (e.g. `--file`), the others refine it. */
  readonly flags: readonly [CliFlag, ...CliFlag[]];
  /** One line for the help: what the source does. */
  readonly summary: string;
  /** Builds the body; values are keyed by flag name. */
  build(
    values: Readonly<Record<string, string | boolean | undefined>>,
    context: BodySourceContext,
  ): Promise<unknown>;
}
