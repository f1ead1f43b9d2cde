import { StaffRole } from '@app/contracts';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { StaffUser } from '../staff-user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const USERNAME = /^[a-z][a-z0-9._-]{2,49}$/;

@InputType()
export class CreateStaffUserInput {
  @Field({ description: 'Lower-case letters, digits, dot, dash or underscore; 3–50 characters.' })
  @Transform(trim)
  @IsString()
  @Matches(USERNAME, { context: { code: 'FIELD_INVALID' } })
  username: string;

  @Field()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLen(100)
  displayName: string;

  @Field(() => StaffRole)
  @IsIn(Object.values(StaffRole))
  role: StaffRole;

  @Field(() => ID)
  @IsUUID('all', { context: { code: 'BRANCH_NOT_FOUND' } })
  branchId: string;

  @Field()
  @IsString()
  @MaxLen(256)
  password: string;
}

@InputType()
export class UpdateStaffUserInput {
  @Field({ nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLen(100)
  displayName?: string;

  @Field(() => StaffRole, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(StaffRole))
  role?: StaffRole;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { context: { code: 'BRANCH_NOT_FOUND' } })
  branchId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: 'A new password; also lifts a sign-in lock.' })
  @IsOptional()
  @IsString()
  @MaxLen(256)
  password?: string;
}

@InputType()
export class StaffUserFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLen(100)
  q?: string;

  @Field(() => StaffRole, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(StaffRole))
  role?: StaffRole;

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
export class StaffUserListArgs extends FilteredListArgs(StaffUserFilter) {}

@ObjectType()
export class StaffUserList extends Paginated(StaffUser) {}
