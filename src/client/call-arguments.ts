/** The arguments of one operation call, sorted by where they came from. */
export interface CallArguments {
  /** Positional path parameters, by client name. */
  readonly path: Readonly<Record<string, unknown>>;
  /** The request body, if the operation has one. */
  readonly body?: unknown;
  /** The options bag: optional parameters by client name, plus call options. */
  readonly options: Readonly<Record<string, unknown>>;
}
