import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';

/** A selection is one page of a list at most. */
export const BULK_MAX = 200;

@ArgsType()
export class BulkRemindArgs {
  @Field(() => [ID])
  @ArrayMinSize(1, { context: { code: 'FIELD_REQUIRED' } })
  @ArrayMaxSize(BULK_MAX, { context: { code: 'BULK_TOO_MANY', max: BULK_MAX } })
  @IsUUID('all', { each: true })
  certificateIds: string[];
}

/** A row the bulk action left alone, and why, in the caller's language. */
@ObjectType()
export class BulkRefusal {
  @Field(() => ID)
  id: string;

  @Field({ description: 'An error code of the shared list, e.g. OUT_OF_BRANCH.' })
  code: string;

  @Field()
  message: string;
}

@ObjectType()
export class BulkResult {
  @Field(() => [ID], { description: 'Rows done, each with its own audit event.' })
  done: string[];

  @Field(() => [BulkRefusal])
  refused: BulkRefusal[];
}
