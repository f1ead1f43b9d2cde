import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBase64, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { MaxLen } from '../../common/max-length';

/** What a challenge is for: a proof made for one never passes for the other. */
export const ChallengePurpose = { SIGN_IN: 'SIGN_IN', RENEW: 'RENEW' } as const;
export type ChallengePurpose = (typeof ChallengePurpose)[keyof typeof ChallengePurpose];
registerEnumType(ChallengePurpose, { name: 'ChallengePurpose' });

@InputType()
export class StartCertificateChallengeInput {
  @Field({
    nullable: true,
    description: 'The serial of a certificate on the token, hex (colons and case do not matter).',
  })
  @IsOptional()
  @IsString()
  @MaxLen(64)
  serialHex?: string;

  @Field({
    nullable: true,
    description: 'With publicKey: the ID number of a customer whose certificate is not yet on the token.',
  })
  @IsOptional()
  @IsString()
  @MaxLen(20)
  idNumber?: string;

  @Field({ nullable: true, description: 'SubjectPublicKeyInfo DER, base64, of a key on the token.' })
  @IsOptional()
  @IsBase64()
  @MaxLen(4096)
  publicKey?: string;

  @Field(() => ChallengePurpose, {
    defaultValue: ChallengePurpose.SIGN_IN,
    description: 'SIGN_IN for a customer session, RENEW for renewCertificates.',
  })
  @IsIn(Object.values(ChallengePurpose))
  purpose: ChallengePurpose = ChallengePurpose.SIGN_IN;
}

@InputType()
export class ChallengeAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { context: { code: 'CERTIFICATE_PROOF_FAILED' } })
  challengeId: string;

  @Field({ description: 'The toBeSigned bytes of the challenge, base64, as received.' })
  @IsBase64()
  @MaxLen(4096)
  toBeSigned: string;

  @Field({ description: 'RSASSA-PKCS1-v1_5/SHA-256 (or ECDSA P-256) signature over toBeSigned, base64.' })
  @IsBase64()
  @MaxLen(4096)
  signature: string;
}

@ObjectType({ description: 'A customer session for the kiosk: sent back in the X-Customer-Session header.' })
export class CustomerSessionGrant {
  @Field({ description: 'Never a staff session; valid for minutes.' })
  session: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class CertificateChallengeGrant {
  @Field(() => ID)
  challengeId: string;

  @Field({ description: 'The bytes to sign with the certificate’s key, base64.' })
  toBeSigned: string;

  @Field()
  expiresAt: Date;

  @Field()
  serialHex: string;
}
