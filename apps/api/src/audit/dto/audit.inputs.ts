import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches } from 'class-validator';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { AuditEvent } from '../audit-event.entity';

/** Filters of the audit browser and of its CSV export (same names as query parameters). */
@InputType()
export class AuditEventFilter {
  @Field({ nullable: true, description: 'Username of the member of staff who acted.' })
  @IsOptional()
  @IsString()
  @MaxLen(64)
  actor?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLen(64)
  actorId?: string;

  @Field({ nullable: true, description: 'Seven-digit branch code; a supervisor sees their own branch only.' })
  @IsOptional()
  @Matches(/^\d{7}$/, { context: { code: 'FIELD_INVALID' } })
  branchCode?: string;

  @Field({ nullable: true, description: 'Exact action, e.g. CUSTOMER_UPDATED.' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,48}$/, { context: { code: 'FIELD_INVALID' } })
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{1,32}$/, { context: { code: 'FIELD_INVALID' } })
  targetType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLen(64)
  targetId?: string;

  @Field({ nullable: true, description: 'From this moment on (inclusive).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ context: { code: 'FIELD_INVALID' } })
  from?: Date;

  @Field({ nullable: true, description: 'Before this moment (exclusive).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ context: { code: 'FIELD_INVALID' } })
  to?: Date;
}

@ArgsType()
export class AuditEventListArgs extends FilteredListArgs(AuditEventFilter) {}

@ObjectType()
export class AuditEventList extends Paginated(AuditEvent) {}
