/**
 * The generated module this package ships (`generated/`, from `openapi/`): the one
 * {@link BatchClient} and the `batch-rest` CLI are built from. The operation docs are left out:
 * only the CLI's help reads them, so client bundles do not carry the prose.
 */
import { createClient } from '../../generated/hey-api/client/index.js';
import * as sdk from '../../generated/hey-api/sdk.gen.js';
import { operations } from '../../generated/operations.js';
import * as validators from '../../generated/validators.js';
import type { GeneratedModule } from './generated-module.js';

export const shippedModule: GeneratedModule = { operations, validators, sdk, createClient };
