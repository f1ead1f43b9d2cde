import { CustomerKind } from '@app/contracts';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { OptionalEmail, OptionalPhone } from '../../common/dto/contact-fields';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { Customer } from '../customer.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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

  @OptionalEmail()
  email?: string | null;

  @OptionalPhone()
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

  @OptionalEmail()
  email?: string | null;

  @OptionalPhone()
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
export class CustomerListArgs extends FilteredListArgs(CustomerFilter) {}

@ObjectType()
export class CustomerList extends Paginated(Customer) {}
