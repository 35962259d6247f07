// The few parts of node-forge's per-algorithm modules that forge-crypto.ts uses. Declared here
// rather than through @types/node-forge, which types the package index (all of forge), not the
// lib/ files imported one by one to keep bundles small.
declare module 'node-forge/lib/forge.js' {
  interface ByteBuffer {
    getBytes(): string;
  }
  interface MessageDigest {
    readonly digestLength: number;
    readonly blockLength: number;
    start(): MessageDigest;
    update(bytes: string): MessageDigest;
    digest(): ByteBuffer;
  }
  interface DigestFactory {
    create(): MessageDigest;
  }
  interface BlockCipher {
    start(iv: ByteBuffer | string, output?: null): void;
    update(input: ByteBuffer): void;
    finish(): boolean;
    readonly output: ByteBuffer;
  }
  interface Forge {
    util: {
      createBuffer(input?: string): ByteBuffer;
      encodeUtf8(text: string): string;
    };
    md: Partial<Record<'sha1' | 'sha256' | 'sha384' | 'sha512', DigestFactory>>;
    hmac: {
      create(): {
        start(md: MessageDigest, key: string): void;
        update(bytes: string): void;
        getMac(): ByteBuffer;
      };
    };
    pkcs5: {
      pbkdf2(
        password: string,
        salt: string,
        iterations: number,
        length: number,
        md: MessageDigest,
      ): string;
    };
    aes: { createDecryptionCipher(key: ByteBuffer, mode?: string): BlockCipher };
    des: { createDecryptionCipher(key: ByteBuffer, mode?: string): BlockCipher };
    rc2: { createDecryptionCipher(key: ByteBuffer, bits: number): BlockCipher };
  }
  const forge: Forge;
  export default forge;
}
