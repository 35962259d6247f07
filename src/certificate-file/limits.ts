/**
 * The service limit on certificate data: "The maximum size is 10KB", read as 10240 bytes of
 * decoded data, which is at most 13656 base64 characters (4 * ceil(10240 / 3)).
 */
export const MAX_CERTIFICATE_BYTES = 10240;

/** Base64 length of {@link MAX_CERTIFICATE_BYTES} bytes. */
export const MAX_CERTIFICATE_BASE64_LENGTH = 13656;

/**
 * Inputs larger than this are refused before any parsing: no PEM text holding a certificate
 * within the service limit comes near it, and it keeps huge files out of memory.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;
