import { DomainError } from '@app/contracts';
import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

export const MAX_PAGE_SIZE = 200;

/** Paging and sorting of every list query; the filter is an extra argument of each query. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  skip = 0;

  @Field(() => Int, { defaultValue: 25, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take = 25;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  sortField?: string;

  @Field(() => SortOrder, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SortOrder))
  sortOrder?: SortOrder;
}

/** Maps an API sort field to its SQL column, refusing anything not listed. */
export function sortColumn(
  allowed: Readonly<Record<string, string>>,
  field: string | undefined,
  fallback: string,
): string {
  if (field === undefined) return allowed[fallback];
  if (!Object.prototype.hasOwnProperty.call(allowed, field)) {
    throw DomainError.invalidInput([{ field: 'sortField', code: 'FIELD_INVALID' }]);
  }
  return allowed[field];
}

/** Escapes LIKE wildcards in user text; use with `ESCAPE '!'` ('!' reads the same in MariaDB and SQLite). */
export function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
