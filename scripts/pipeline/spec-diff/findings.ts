/**
 * Where the comparison steps record what they find. A finding is keyed by operation, subject
 * and aspect (`Certificates_ListCertificates|param|query:timeout|name`), so the client surface and
 * the wire, looking at the same thing, land on the same key and become one change.
 */
import type { ChangeKind, ChangeType, Finding, Verdict } from './types.ts';

/** Records one finding about a subject: its aspect, the change, the verdict, the detail. */
export type Report = (aspect: string, change: ChangeType, verdict: Verdict, detail: string) => void;

/** Collects one audience's findings about one operation. */
export class Findings {
  readonly list: Finding[] = [];
  private readonly audience: 'client' | 'wire';
  private readonly operationId: string;

  constructor(audience: 'client' | 'wire', operationId: string) {
    this.audience = audience;
    this.operationId = operationId;
  }

  /** A reporter for one subject (`param|query:timeout`), shown as `where`. */
  about(kind: ChangeKind, where: string, subject: string): Report {
    return (aspect, change, verdict, detail) => {
      this.list.push({
        key: `${this.operationId}|${subject}|${aspect}`,
        kind,
        change,
        where,
        operationId: this.operationId,
        [this.audience]: verdict,
        detail,
      });
    };
  }
}
