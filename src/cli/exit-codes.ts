/**
 * Exit codes of `batch-rest`. Each tells a script something different to do; they are part of
 * the CLI's interface and documented in the README.
 */
export const EXIT_CODES = Object.freeze({
  /** The command succeeded. */
  ok: 0,
  /** A bug or an environment problem the CLI did not anticipate (the message says what). */
  unexpected: 1,
  /** The command line is wrong: unknown command or flag, missing value or argument, no account. */
  usage: 2,
  /** An argument or body value is invalid; nothing was sent. */
  validation: 3,
  /**
   * The service answered with an error (other than the retirement), or with a success whose body
   * cannot be the result (`BatchResponseError`).
   */
  service: 4,
  /** The service answered `CertificateRetired`: the operation cannot succeed on the live service. */
  retired: 5,
  /** No answer: network failure, timeout, or interrupted. */
  network: 6,
  /** A certificate file cannot be used (unreadable, wrong password, not a certificate, ...). */
  certificateFile: 7,
});

/** One of the {@link EXIT_CODES} values. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
