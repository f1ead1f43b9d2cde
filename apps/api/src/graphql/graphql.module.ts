import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { AppRequest } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { errorI18nPlugin } from './error-i18n.plugin';
import { formatError } from './format-error';
import { EntityLoaders } from './entity-loaders';
import type { GqlContext } from './gql-context';

/**
 * Code-first GraphQL. The schema is written to SCHEMA_FILE (the committed `schema.graphql` at the
 * repository root outside production), sorted so that diffs stay readable.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [ENV, DataSource],
      useFactory: (env: Env, dataSource: DataSource) => ({
        autoSchemaFile: env.SCHEMA_FILE ?? (env.NODE_ENV === 'production' ? true : 'schema.graphql'),
        sortSchema: true,
        playground: false,
        introspection: env.NODE_ENV !== 'production',
        includeStacktraceInErrorResponses: false,
        formatError,
        plugins: [errorI18nPlugin],
        context: ({ req }: { req: AppRequest }): GqlContext => ({ req, loaders: new EntityLoaders(dataSource) }),
      }),
    }),
  ],
})
export class AppGraphqlModule {}
