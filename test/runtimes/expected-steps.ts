/**
 * What each step of the lifecycle program (lifecycle.ts) must observe in every runtime: the
 * emulator's documented answers (src/emulator/README.md), the same as Node gets them. The runner
 * compares each observation with these; an error is compared by its kind, status, code and
 * `retired` (its message and details are printed, not compared).
 */

/** The two certificates of the run (fake data: the emulator does not parse it). */
export const FIRST = '0123456789abcdef0123456789abcdef01234567';
export const SECOND = '89abcdef0123456789abcdef0123456789abcdef';
/** The pool the emulator's `markInUse` hook plays. */
export const POOL = 'runtime-matrix-pool';

/** A step's name and what it must observe: a value, or an error's identifying fields. */
export type ExpectedStep =
  | { readonly step: string; readonly value: unknown }
  | {
      readonly step: string;
      readonly error: {
        readonly name: string;
        readonly statusCode: number;
        readonly code: string;
        readonly retired: boolean;
      };
    };

/** The steps in order, for an emulator served at `url`. */
export function expectedSteps(url: string): ExpectedStep[] {
  const dataServiceId = (thumbprint: string) =>
    `${url}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=${thumbprint})`;
  const view = (thumbprint: string, state: string, more: Record<string, string> = {}) => ({
    thumbprint,
    state,
    ...more,
    stateTransitionTimeIsDate: true,
  });
  return [
    { step: 'add', value: { dataServiceId: dataServiceId(FIRST) } },
    { step: 'add a second', value: { dataServiceId: dataServiceId(SECOND) } },
    { step: 'list, one per page', value: { pages: [[FIRST], [SECOND]] } },
    { step: 'get', value: view(FIRST, 'active') },
    { step: 'delete', value: { requestIdType: 'string' } },
    { step: 'get while deleting', value: view(FIRST, 'deleting', { previousState: 'active' }) },
    {
      step: 'deletion completes (hook), get',
      error: {
        name: 'BatchServiceError',
        statusCode: 404,
        code: 'CertificateNotFound',
        retired: false,
      },
    },
    {
      step: 'delete while in use (hook), completes as deletefailed',
      value: view(SECOND, 'deletefailed', {
        previousState: 'deleting',
        deleteCertificateError: 'CertificateInUse',
      }),
    },
    { step: 'cancelDeletion', value: view(SECOND, 'active', { previousState: 'deletefailed' }) },
    {
      step: 'retired mode (hook), get',
      error: {
        name: 'BatchServiceError',
        statusCode: 400,
        code: 'CertificateRetired',
        retired: true,
      },
    },
  ];
}
