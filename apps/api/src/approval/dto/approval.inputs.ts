import { ApprovalStatus, IdentityDocument } from '@app/contracts';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { blankToNull } from '../../common/dto/contact-fields';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { UnsuspendRequest } from '../unsuspend-request.entity';

@InputType()
export class RequestUnsuspendInput {
  @Field(() => ID)
  @IsUUID('all', { context: { code: 'CERTIFICATE_NOT_FOUND' } })
  certificateId: string;

  @Field(() => IdentityDocument, { description: 'The identity document the teller checked.' })
  @IsIn(Object.values(IdentityDocument))
  documentType: IdentityDocument;

  @Field({ description: 'The customer stood at the counter and matched the document.' })
  @IsBoolean()
  seenInPerson: boolean;

  @Field(() => String, { nullable: true })
  @blankToNull
  @IsOptional()
  @IsString()
  @MaxLen(200)
  note?: string | null;
}

@InputType()
export class ApprovalFilter {
  @Field(() => ApprovalStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ApprovalStatus))
  status?: ApprovalStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  certificateId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class ApprovalListArgs extends FilteredListArgs(ApprovalFilter) {}

@ObjectType()
export class ApprovalList extends Paginated(UnsuspendRequest) {}

/** A rejection always says why: the teller tells the customer. */
@ArgsType()
export class RejectRequestArgs {
  @Field(() => ID)
  @IsUUID('all', { context: { code: 'APPROVAL_NOT_FOUND' } })
  id: string;

  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLen(200)
  reason: string;
}
