import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A certificate on the token that the legacy FEDI CA issued.' })
export class FediCertificateView {
  @Field(() => Int, { description: 'Its place in the list the kiosk sent.' })
  index: number;

  @Field()
  serialHex: string;

  @Field()
  commonName: string;

  @Field()
  subjectDn: string;

  @Field()
  issuerDn: string;

  @Field()
  notBefore: Date;

  @Field()
  notAfter: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Why it cannot be converted (FEDI_CERTIFICATE_EXPIRED, FEDI_ALREADY_CONVERTED, …); null when it can.',
  })
  problem: string | null;
}

@ObjectType()
export class FediChallengeGrant {
  @Field()
  challengeId: string;

  @Field({ description: 'The bytes to sign with the FEDI key, base64.' })
  toBeSigned: string;

  @Field()
  expiresAt: Date;

  @Field()
  serialHex: string;
}

@ObjectType({ description: 'A proven FEDI key: the ticket for the conversion and what it will make.' })
export class FediConversionGrant {
  @Field({ description: 'Never a staff session or a customer session; valid for minutes.' })
  ticket: string;

  @Field()
  expiresAt: Date;

  @Field({ description: 'The CN the new FXML pair will carry (`<ID>-<seq>-<YYYYMMDD>`), as of now.' })
  commonName: string;

  @Field(() => String, { nullable: true, description: 'The e-mail on record, for the customer to confirm or change.' })
  email: string | null;
}
