/** The shape of a generated `validators.js` module, as the client uses it. */

/** One ajv error, as compiled validators report it (values are never included). */
export interface ValidatorError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ValidatorError[] | null;
}

export interface ValidatorModule {
  readonly [id: string]: unknown;
  readonly ruleMessages?: Readonly<Record<string, { field: string; message: string }>>;
}
