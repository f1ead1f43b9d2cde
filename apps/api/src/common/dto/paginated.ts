import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Type as TransformType } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ListArgs } from './list-args';

/** `{ items, total }`: one page of a list and the size of the whole filtered list. */
export function Paginated<T>(item: Type<T>) {
  @ObjectType({ isAbstract: true })
  abstract class Page {
    @Field(() => [item])
    items: T[];

    @Field(() => Int)
    total: number;
  }
  return Page;
}

/** Paging and sorting plus the list's own validated filter input. */
export function FilteredListArgs<F extends object>(filter: Type<F>) {
  @ArgsType()
  abstract class Args extends ListArgs {
    @Field(() => filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    @TransformType(() => filter)
    filter?: F;
  }
  return Args;
}
