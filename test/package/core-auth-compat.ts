/**
 * Compile-time check (run by `npm run typecheck`): the TokenCredential types we declare instead of
 * importing `@azure/core-auth` stay compatible with it both ways, so `@azure/identity` credentials
 * (which implement core-auth's TokenCredential) are accepted, and ours can be handed to Azure SDKs.
 */
import type * as CoreAuth from '@azure/core-auth';
import type { AccessToken, TokenCredential } from '../../src/index.js';

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

export type CoreAuthCredentialAccepted = Assert<Extends<CoreAuth.TokenCredential, TokenCredential>>;
export type CoreAuthTokenAccepted = Assert<Extends<CoreAuth.AccessToken, AccessToken>>;
export type OurCredentialUsableBySdks = Assert<Extends<TokenCredential, CoreAuth.TokenCredential>>;
export type OurTokenUsableBySdks = Assert<Extends<AccessToken, CoreAuth.AccessToken>>;

// @ts-expect-error an object without getToken is not a credential
export type NotACredential = Assert<Extends<{ signRequest(): void }, TokenCredential>>;
