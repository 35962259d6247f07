import { describe, expect, it } from '@jest/globals';
import {
  BatchServiceError,
  buildRetirementMessage,
  CERTIFICATE_EMULATOR_MODULE,
  CERTIFICATE_MIGRATION_GUIDE_URL,
  CERTIFICATE_RETIRED_CODE,
  CERTIFICATE_RETIREMENT_DATE,
  isCertificateRetiredCode,
} from '../../../src/errors/index.js';

describe('retirement guidance (wording is API)', () => {
  it('exports the link, code, date and emulator entry point', () => {
    expect(CERTIFICATE_MIGRATION_GUIDE_URL).toBe(
      'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide',
    );
    expect(CERTIFICATE_RETIRED_CODE).toBe('CertificateRetired');
    expect(CERTIFICATE_RETIREMENT_DATE).toBe('2024-02-29');
    expect(CERTIFICATE_EMULATOR_MODULE).toBe('batch-rest-client/testing');
  });

  it('names the operation when known', () => {
    expect(buildRetirementMessage('addCertificate')).toBe(
      "Certificate operation 'addCertificate' failed: Azure Batch certificates were retired on 29 February 2024, so this call cannot succeed against the live Batch service. Store certificates in Azure Key Vault and install them on pool nodes with the Azure Key Vault VM extension (migration guide: https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide). For tests, use the emulator from 'batch-rest-client/testing'.",
    );
  });

  it('reads well without an operation', () => {
    const expected =
      "Certificate operation failed: Azure Batch certificates were retired on 29 February 2024, so this call cannot succeed against the live Batch service. Store certificates in Azure Key Vault and install them on pool nodes with the Azure Key Vault VM extension (migration guide: https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide). For tests, use the emulator from 'batch-rest-client/testing'.";
    expect(buildRetirementMessage()).toBe(expected);
    expect(buildRetirementMessage('')).toBe(expected);
  });

  it('recognises only the exact code', () => {
    expect(isCertificateRetiredCode('CertificateRetired')).toBe(true);
    expect(isCertificateRetiredCode('CertificateExists')).toBe(false);
    expect(isCertificateRetiredCode(undefined)).toBe(false);
  });

  it('is the message of every retired BatchServiceError, however it is built', () => {
    const err = new BatchServiceError({
      statusCode: 400,
      code: 'CertificateRetired',
      message: 'ignored for retired errors',
      operation: 'deleteCertificate',
    });
    expect(err.retired).toBe(true);
    expect(err.message).toBe(
      "Certificate operation 'deleteCertificate' failed: Azure Batch certificates were retired on 29 February 2024, so this call cannot succeed against the live Batch service. Store certificates in Azure Key Vault and install them on pool nodes with the Azure Key Vault VM extension (migration guide: https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide). For tests, use the emulator from 'batch-rest-client/testing'.",
    );
    expect(String(err)).toBe(`BatchServiceError: ${err.message}`);
  });
});
