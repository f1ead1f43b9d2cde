import { ERRORS, errorMessage, faqPath, isErrorCode, type FieldError } from '@app/contracts';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { localeOf } from '../common/request-context';

/**
 * Puts each error's message in the caller's language (Accept-Language: zh-TW by default, or en),
 * with the message of every faulty field, the FAQ link and the old platform's message number.
 */
export const errorI18nPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        const body = response.body;
        if (body.kind !== 'single' || !body.singleResult.errors) return;
        const locale = localeOf({ headers: { 'accept-language': request.http?.headers.get('accept-language') ?? '' } });
        body.singleResult.errors = body.singleResult.errors.map((error): GraphQLFormattedError => {
          const code = error.extensions?.code;
          if (!isErrorCode(code)) return error;
          const params = (error.extensions?.params ?? {}) as Record<string, unknown>;
          const fields = ((error.extensions?.fields ?? []) as FieldError[]).map((f) => ({
            field: f.field,
            code: f.code,
            message: errorMessage(f.code, locale, f.params),
          }));
          const def = ERRORS[code];
          return {
            ...error,
            message: errorMessage(code, locale, params),
            extensions: {
              ...error.extensions,
              code,
              fields,
              ...('manualCode' in def ? { manualCode: def.manualCode } : {}),
              faq: faqPath(code),
            },
          };
        });
      },
    };
  },
};
