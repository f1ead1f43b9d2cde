import { CustomerKind } from '@app/contracts';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { ListArgs } from '../../common/dto/list-args';
import { MaxLen } from '../../common/max-length';
import { Customer } from '../customer.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : trim({ value }));
const PHONE = /^[0-9+()# -]{6,20}$/;

@InputType()
export class CreateCustomerInput {
  @Field({ description: 'National ID, resident certificate number or unified business number.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(20)
  idNumber: string;

  @Field()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLen(100)
  name: string;

  @Field(() => String, { nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @MaxLen(254)
  @IsEmail({}, { context: { code: 'EMAIL_INVALID' } })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @MaxLen(20)
  @Matches(PHONE, { context: { code: 'PHONE_INVALID' } })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to the signed-in member of staff's branch." })
  @IsOptional()
  @IsUUID('all', { context: { code: 'BRANCH_NOT_FOUND' } })
  homeBranchId?: string;
}

@InputType()
export class UpdateCustomerInput {
  @Field({ nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLen(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @MaxLen(254)
  @IsEmail({}, { context: { code: 'EMAIL_INVALID' } })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @MaxLen(20)
  @Matches(PHONE, { context: { code: 'PHONE_INVALID' } })
  phone?: string | null;

  @Field(() => Int, { description: 'The version the edit is based on (optimistic lock).' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: 'ID number prefix or part of the name.' })
  @IsOptional()
  @IsString()
  @MaxLen(100)
  q?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLen(20)
  idNumber?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  homeBranchId?: string;

  @Field(() => CustomerKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CustomerKind))
  kind?: CustomerKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class CustomerListArgs extends ListArgs {
  @Field(() => CustomerFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerFilter)
  filter?: CustomerFilter;
}

@ObjectType()
export class CustomerList {
  @Field(() => [Customer])
  items: Customer[];

  @Field(() => Int)
  total: number;
}
