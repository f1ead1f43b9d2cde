import { DomainError, StorageMedium, TokenStatus, type TokenType } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { Token } from '../token/token.entity';

/** How many certificates a token holds (SPEC: iKey 6, ezSign 4); a pair takes two places. */
export const TOKEN_CAPACITY: Readonly<Record<TokenType, number>> = { IKEY: 6, EZSIGN: 4 };

/**
 * The token the new keys live on, for a token medium: the registered token of that type and serial,
 * owned by this customer and usable. PC keys have no token. Throws FIELD_REQUIRED / FIELD_INVALID
 * `{ field: 'tokenSerial' }`, TOKEN_NOT_FOUND, or ACCESS_DENIED (80070005) for a token that is not
 * the customer's own or not ACTIVE — the manual's answer to "this token refuses".
 */
export async function tokenForKeys(
  m: EntityManager,
  medium: StorageMedium,
  tokenSerial: string | null | undefined,
  customerId: string,
): Promise<Token | null> {
  if (medium === StorageMedium.PC) {
    if (tokenSerial) throw new DomainError('FIELD_INVALID', { field: 'tokenSerial' });
    return null;
  }
  if (!tokenSerial) throw new DomainError('FIELD_REQUIRED', { field: 'tokenSerial' });
  const token = await m.getRepository(Token).findOneBy({ type: medium, serial: tokenSerial });
  if (!token) throw new DomainError('TOKEN_NOT_FOUND');
  if (token.ownerCustomerId !== customerId || token.status !== TokenStatus.ACTIVE) {
    throw new DomainError('ACCESS_DENIED', { field: 'tokenSerial' });
  }
  return token;
}
