import { KioskError } from './kiosk-error';

/** Who the page speaks for: a teller while pairing, later the customer's own session only. */
export interface KioskCredentials {
  readonly staffToken?: string;
  readonly customerSession?: string;
}

interface GraphqlAnswer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string; params?: Record<string, unknown> } }[];
}

/**
 * A plain fetch to `/graphql`: the kiosk keeps no cache (no customer data may outlive the session)
 * and sends exactly the credential of the current step.
 */
export async function kioskGraphql<T>(
  query: string,
  variables: Record<string, unknown>,
  credentials: KioskCredentials,
  locale: string,
): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    cache: 'no-store',
    headers: {
      'content-type': 'application/json',
      'accept-language': locale === 'en' ? 'en' : 'zh-TW',
      ...(credentials.staffToken ? { authorization: `Bearer ${credentials.staffToken}` } : {}),
      ...(credentials.customerSession ? { 'x-customer-session': credentials.customerSession } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await res.json().catch(() => ({}))) as GraphqlAnswer<T>;
  const [error] = answer.errors ?? [];
  if (error) throw new KioskError(error.extensions?.code ?? null, error.message, error.extensions?.params ?? {});
  if (!answer.data) throw new KioskError(null, `HTTP ${res.status}`);
  return answer.data;
}
