/**
 * Certificate file helpers, Node entry (`batch-rest-client/certificates` under the `node`
 * condition): everything of the browser-safe entry plus {@link certificateFromFile}.
 *
 * @module batch-rest-client/certificates
 */
export { certificateFromFile } from './certificate-from-file.js';
export * from './index.js';
