/**
 * Well-known values of the Batch certificates emulator.
 *
 * @module
 */

import { apiVersions } from '../../generated/operations.js';

/** Name of the account the emulator accepts when no `accounts` option is given. */
export const EMULATOR_ACCOUNT_NAME = 'emulator';

/**
 * Key of the default emulator account: a fixed, published value (like Azurite's development
 * storage key). It is not a secret and must never be used for a real account.
 */
export const EMULATOR_ACCOUNT_KEY =
  'YmF0Y2gtcmVzdC1jbGllbnQgZW11bGF0b3I6IHdlbGwta25vd24gdGVzdCBrZXksIG5vdCBhIHNlY3JldCEhIQ==';

/**
 * The API versions the emulator accepts by default: those of the spec this package ships, read
 * from the generated table (the spec's `info.version` and the earlier versions with the same wire
 * form, `info.x-batch-compatible-api-versions`).
 */
export const SUPPORTED_API_VERSIONS: readonly string[] = Object.freeze([...apiVersions]);

/** Largest accepted distance between the request's date and the emulator's clock (15 minutes). */
export const DEFAULT_MAX_CLOCK_SKEW_IN_MS = 15 * 60 * 1000;

/**
 * How long a deletion takes by default on the emulator's clock (30 seconds): a certificate stays
 * `deleting` for this long after `DELETE`, then disappears (or ends in `deletefailed` when marked
 * in use).
 *
 * What the live service shows: a Get right after the 202 Delete answers `state: deleting` with
 * `previousState: active` (Azure CLI recording `test_batch_certificate_cmd.yaml`, same second),
 * a Cancel Deletion right after Delete answers `409 CertificateBeingDeleted` (the Azure SDK for
 * JavaScript's certificate tests), and Microsoft's .NET integration test
 * (`CloudCertificateIntegrationTests`) polls every 5 seconds, for up to 3 minutes, for the
 * deletion's outcome. 30 seconds is longer than any back-to-back sequence of calls, so those
 * sequences see what the service shows, and well inside that 3-minute bound. Tests shorten it with
 * `deleteDelayInMs`, an injected clock, or `completeDeletions()`.
 */
export const DEFAULT_DELETE_DELAY_IN_MS = 30_000;

/** Default largest accepted request body (1 MiB). */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Message of the `CertificateRetired` error, as the live service words it. */
export const CERTIFICATE_RETIRED_MESSAGE =
  "The 'Azure Batch Certificates' feature was retired on 02/29/2024.";

/** The `Reason` value the emulator adds to `CertificateRetired` errors. */
export const CERTIFICATE_RETIRED_REASON =
  'Certificates can no longer be added, listed, read, deleted or restored. Store certificates in ' +
  'Azure Key Vault and install them on pool nodes with the Azure Key Vault VM extension: ' +
  'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide';
