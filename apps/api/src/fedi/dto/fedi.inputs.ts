import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MaxLen } from '../../common/max-length';
import { NewPairRequestsInput } from '../../enrolment/dto/enrolment.inputs';

// Certificates carry no MaxLen of their own beyond a sane bound: libs/pki answers a bad one
// with its own code, the JSON body limit the rest.

@InputType()
export class FediCertificatesInput {
  @Field(() => [String], { description: 'The certificates on the token, PEM; those the FEDI CA issued come back.' })
  @ArrayMaxSize(16)
  @IsString({ each: true })
  @MaxLength(16_384, { each: true, context: { code: 'FIELD_TOO_LONG', max: 16_384 } })
  certificates: string[];
}

@InputType()
export class StartFediConversionInput {
  @Field({ description: 'The FEDI certificate to convert, PEM, as the token holds it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(16_384)
  certificatePem: string;
}

@InputType({
  description:
    'The new pair of a proven FEDI certificate: its signing CSR names the CN proveFediCertificate announced.',
})
export class SubmitFediConversionInput extends NewPairRequestsInput {
  @Field({ description: 'The ticket proveFediCertificate returned.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(2048)
  ticket: string;

  @Field({ description: 'Where expiry reminders of the new certificates go.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(254)
  @IsEmail({}, { context: { code: 'EMAIL_INVALID' } })
  email: string;

  @Field({ description: 'The serial of the iKey holding the FEDI key and the new keys, as the agent reads it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(32)
  tokenSerial: string;
}
