/**
 * Azure Batch certificates were retired on 29 February 2024: the live service answers every
 * certificate call with `400 CertificateRetired`. This module turns that answer into a message a
 * user can act on. The wording is part of the public API and is asserted word for word in tests.
 *
 * @module
 */

/** The error code the live Batch service returns for every certificate operation. */
export const CERTIFICATE_RETIRED_CODE = 'CertificateRetired';

/** The date (ISO 8601) Batch certificates were retired. */
export const CERTIFICATE_RETIREMENT_DATE = '2024-02-29';

/** Microsoft's guide for moving from Batch certificates to the Azure Key Vault VM extension. */
export const CERTIFICATE_MIGRATION_GUIDE_URL =
  'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide';

/** The entry point of this package's in-process emulator of the certificate operations. */
export const CERTIFICATE_EMULATOR_MODULE = 'batch-rest-client/testing';

/** `true` when `code` is the service's retirement code ({@link CERTIFICATE_RETIRED_CODE}). */
export function isCertificateRetiredCode(code: string | undefined): boolean {
  return code === CERTIFICATE_RETIRED_CODE;
}

/**
 * Builds the message of a `BatchServiceError` whose code is `CertificateRetired`. One line:
 *
 * `Certificate operation 'certificate.add' failed: Azure Batch certificates were retired on
 * 29 February 2024, so this call cannot succeed against the live Batch service. Store
 * certificates in Azure Key Vault and install them on pool nodes with the Azure Key Vault VM
 * extension (migration guide: https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide).
 * For tests, use the emulator from 'batch-rest-client/testing'.`
 *
 * Without an operation name the message starts `Certificate operation failed:`.
 *
 * @param operation - the client operation that was called, e.g. `certificate.add`.
 */
export function buildRetirementMessage(operation?: string): string {
  const subject =
    operation === undefined || operation === ''
      ? 'Certificate operation failed'
      : `Certificate operation '${operation}' failed`;
  return (
    `${subject}: Azure Batch certificates were retired on 29 February 2024, ` +
    'so this call cannot succeed against the live Batch service. ' +
    'Store certificates in Azure Key Vault and install them on pool nodes with the ' +
    `Azure Key Vault VM extension (migration guide: ${CERTIFICATE_MIGRATION_GUIDE_URL}). ` +
    `For tests, use the emulator from '${CERTIFICATE_EMULATOR_MODULE}'.`
  );
}
