// The few parts of node-forge's per-file modules that forge-crypto.ts uses. Declared here rather
// than through @types/node-forge, which types the package index (all of forge), not lib/ files.
declare module 'node-forge/lib/forge.js' {
  interface ByteBuffer {
    getBytes(): string;
    length(): number;
  }
  interface MessageDigest {
    readonly digestLength: number;
  }
  interface DigestFactory {
    create(): MessageDigest;
  }
  interface Cipher {
    update(input: ByteBuffer): void;
    finish(): boolean;
    readonly output: ByteBuffer;
  }
  interface Asn1 {
    readonly tagClass: number;
  }
  interface Forge {
    util: {
      createBuffer(input?: string, encoding?: 'raw' | 'utf8'): ByteBuffer;
      encodeUtf8(text: string): string;
    };
    md: Partial<Record<'sha1' | 'sha256' | 'sha384' | 'sha512', DigestFactory>>;
    hmac: {
      create(): {
        start(md: MessageDigest, key: ByteBuffer): void;
        update(bytes: string): void;
        getMac(): ByteBuffer;
      };
    };
    asn1: { fromDer(bytes: string, options?: { strict?: boolean }): Asn1 };
    pki: {
      oids: Record<string, string>;
      pbe: {
        getCipher(oid: string, params: Asn1, password: string): Cipher;
        generatePkcs12Key(
          password: string | null,
          salt: ByteBuffer,
          id: number,
          iterations: number,
          length: number,
          md: MessageDigest,
        ): ByteBuffer;
      };
    };
  }
  const forge: Forge;
  export default forge;
}
