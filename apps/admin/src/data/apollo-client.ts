import { ApolloClient, HttpLink, InMemoryCache, from, type NormalizedCacheObject } from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';

export type Client = ApolloClient<NormalizedCacheObject>;

export interface ClientOptions {
  /** The session token, read on every request so a new sign-in takes effect at once. */
  readonly token: () => string | null;
  /** The console's current locale: the API answers error messages in it. */
  readonly locale: () => string;
}

/** One Apollo client for the console: same-origin `/graphql`, no cached reads (no stale screens). */
export function createApolloClient({ token, locale }: ClientOptions): Client {
  const headers = setContext((_operation, context: { headers?: Record<string, string> }) => {
    const jwt = token();
    return {
      headers: {
        ...context.headers,
        'Accept-Language': locale() === 'en' ? 'en' : 'zh-TW',
        ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}),
      },
    };
  });
  return new ApolloClient({
    link: from([headers, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { fetchPolicy: 'network-only', errorPolicy: 'none' },
      watchQuery: { fetchPolicy: 'network-only', errorPolicy: 'none' },
      mutate: { errorPolicy: 'none' },
    },
  });
}
