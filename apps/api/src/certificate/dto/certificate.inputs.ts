import { CertificateStatus } from '@app/contracts';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { Certificate } from '../certificate.entity';

@InputType()
export class CertificateFilter {
  @Field({ nullable: true, description: "The customer's national ID or unified business number." })
  @IsOptional()
  @IsString()
  @MaxLen(20)
  idNumber?: string;

  @Field({ nullable: true, description: 'Common Name prefix, e.g. U139514691-00.' })
  @IsOptional()
  @IsString()
  @MaxLen(64)
  commonName?: string;

  @Field({ nullable: true, description: 'Hexadecimal, with or without colons or spaces (as OpenSSL prints it).' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-fA-F:\s]{1,80}$/, { context: { code: 'FIELD_INVALID' } })
  serialHex?: string;

  @Field(() => CertificateStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CertificateStatus))
  status?: CertificateStatus;

  @Field({ nullable: true, description: 'Expiring at or after this instant.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  notAfterFrom?: Date;

  @Field({ nullable: true, description: 'Expiring before this instant.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  notAfterTo?: Date;

  @Field({ nullable: true, description: 'Status last changed before this instant, e.g. held for over N days.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  statusChangedBefore?: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  tokenId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class CertificateListArgs extends FilteredListArgs(CertificateFilter) {}

@ObjectType()
export class CertificateList extends Paginated(Certificate) {}
