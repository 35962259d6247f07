/**
 * The human text of the operation table (summaries, descriptions), generated separately into
 * `generated/operation-docs.ts` so the client bundle does not carry prose it never reads. The
 * CLI's help merges it back with {@link withOperationDocs}.
 */
import type { OperationSpec, OperationTable } from './operation-table.js';

/** The prose of one operation. */
export interface OperationDoc {
  readonly summary?: string;
  readonly description?: string;
  /** Parameter descriptions by client name. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The body parameter's description. */
  readonly body?: string;
}

/** Docs by operationId. */
export type OperationDocs = Readonly<Record<string, OperationDoc>>;

/** The table with its docs merged in (a new table; the inputs are not modified). */
export function withOperationDocs(
  table: OperationTable,
  docs: OperationDocs | undefined,
): OperationTable {
  if (!docs) return table;
  const merged: Record<string, OperationSpec> = {};
  for (const [id, operation] of Object.entries(table)) {
    const doc = docs[id];
    merged[id] = !doc
      ? operation
      : {
          ...operation,
          summary: doc.summary,
          description: doc.description,
          parameters: operation.parameters.map((p) => ({
            ...p,
            description: doc.parameters?.[p.clientName],
          })),
          body: operation.body && { ...operation.body, description: doc.body },
        };
  }
  return merged;
}
