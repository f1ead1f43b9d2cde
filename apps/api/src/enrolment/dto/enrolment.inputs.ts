import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBase64,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLen } from '../../common/max-length';
import { ChallengeAnswerInput } from '../../customer-session/dto/customer-session.dto';

// CSRs carry no MaxLen: parseCsr answers an oversized one with CSR_TOO_LARGE, the JSON body limit the rest.

/** What every request for a new pair sends, be it an apply or a FEDI conversion: both go through EnrolmentService. */
@InputType({ isAbstract: true })
export abstract class NewPairRequestsInput {
  @Field({ description: 'PKCS#10 of the signing key pair, PEM.' })
  @IsString()
  @IsNotEmpty()
  signingCsr: string;

  @Field({ description: 'PKCS#10 of the encryption key pair, PEM.' })
  @IsString()
  @IsNotEmpty()
  encryptionCsr: string;

  @Field(() => ID, { description: "The kiosk's idempotency key (a UUID): a retry with it returns the first answer." })
  @IsUUID('all', { context: { code: 'FIELD_INVALID' } })
  requestId: string;

  @Field({ description: 'The termsOfUse version the customer accepted.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(32)
  acceptedTermsVersion: string;
}

@InputType()
export class SubmitApplicationRequestsInput extends NewPairRequestsInput {
  @Field({ description: 'The ticket openApplication returned.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(2048)
  ticket: string;

  @Field({ nullable: true, description: 'The serial of the token holding the keys; for IKEY and EZSIGN only.' })
  @IsOptional()
  @IsString()
  @MaxLen(32)
  tokenSerial?: string;
}

@InputType()
export class DownloadCertificatesInput {
  @Field(() => [String], {
    nullable: true,
    description:
      'SubjectPublicKeyInfo DER, base64, of each key on this token or computer; only those certificates come back.',
  })
  @IsOptional()
  @ArrayMaxSize(32)
  @IsBase64(undefined, { each: true })
  @MaxLength(4096, { each: true, context: { code: 'FIELD_TOO_LONG', max: 4096 } })
  publicKeys?: string[];
}

@InputType()
export class ConfirmInstalledInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsUUID('all', { each: true, context: { code: 'CERTIFICATE_NOT_FOUND' } })
  certificateIds: string[];
}

@InputType()
export class RenewCertificatesInput {
  @Field(() => ID, { description: 'The signing certificate being renewed.' })
  @IsUUID('all', { context: { code: 'CERTIFICATE_NOT_FOUND' } })
  certificateId: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  signingCsr: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  encryptionCsr: string;

  @Field(() => ChallengeAnswerInput, {
    description: 'A `renew` challenge for the old signing certificate, signed with its key.',
  })
  @ValidateNested()
  @Type(() => ChallengeAnswerInput)
  renewalProof: ChallengeAnswerInput;

  @Field(() => ID)
  @IsUUID('all', { context: { code: 'FIELD_INVALID' } })
  requestId: string;
}

@InputType()
export class SuspendMyCertificateInput {
  @Field(() => ID)
  @IsUUID('all', { context: { code: 'CERTIFICATE_NOT_FOUND' } })
  certificateId: string;

  @Field({ description: 'The customer confirmed the hold on screen.' })
  @IsBoolean()
  confirm: boolean;
}
