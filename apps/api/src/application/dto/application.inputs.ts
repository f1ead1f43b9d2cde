import { ApplicationStatus, CertificateType, StorageMedium } from '@app/contracts';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { CounterApplication } from '../counter-application.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class RegisterApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { context: { code: 'CUSTOMER_NOT_FOUND' } })
  customerId: string;

  @Field(() => CertificateType, {
    defaultValue: CertificateType.FXML,
    description: 'Only FXML: FEDI certificates are converted online, never applied for.',
  })
  @IsIn([CertificateType.FXML], { context: { code: 'FIELD_INVALID' } })
  certType: CertificateType = CertificateType.FXML;

  @Field(() => StorageMedium)
  @IsIn(Object.values(StorageMedium))
  medium: StorageMedium;

  @Field({ description: 'Where expiry reminders go.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLen(254)
  @IsEmail({}, { context: { code: 'EMAIL_INVALID' } })
  email: string;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ApplicationStatus))
  status?: ApplicationStatus;

  @Field(() => StorageMedium, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(StorageMedium))
  medium?: StorageMedium;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @Field({ nullable: true, description: 'Common Name prefix (the ID number, or the whole CN).' })
  @IsOptional()
  @IsString()
  @MaxLen(64)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class ApplicationListArgs extends FilteredListArgs(ApplicationFilter) {}

@ObjectType()
export class ApplicationList extends Paginated(CounterApplication) {}

@ObjectType({ description: 'The live password notice of an application: never the password itself.' })
export class ApplicationNotice {
  @Field()
  noticeNumber: string;

  @Field()
  printedAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Int)
  failedTries: number;

  @Field(() => Int)
  triesLeft: number;
}

@InputType()
export class OpenApplicationInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLen(20)
  idNumber: string;

  @Field({ description: 'The application password from the sealed part of the notice.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(64)
  password: string;
}

@ObjectType({ description: 'What the kiosk shows of an opened application.' })
export class ApplicationSummary {
  @Field(() => ID)
  id: string;

  @Field()
  commonName: string;

  @Field(() => CertificateType)
  certType: CertificateType;

  @Field(() => StorageMedium)
  medium: StorageMedium;

  @Field()
  email: string;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;
}

@ObjectType()
export class OpenedApplication {
  @Field({ description: "A short-lived ticket for the kiosk's apply step; not a staff session." })
  ticket: string;

  @Field()
  ticketExpiresAt: Date;

  @Field(() => ApplicationSummary)
  application: ApplicationSummary;
}
