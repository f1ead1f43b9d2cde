import { CertificateStatus, CertificateUsage, StorageMedium } from '@app/contracts';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationSummary } from '../../application/dto/application.inputs';
import { CustomerSessionGrant } from '../../customer-session/dto/customer-session.dto';

@ObjectType({ description: "One of the customer's own certificates, as the kiosk shows it." })
export class KioskCertificate {
  @Field(() => ID)
  id: string;

  @Field()
  serialHex: string;

  @Field(() => CertificateUsage)
  usage: CertificateUsage;

  @Field(() => CertificateStatus)
  status: CertificateStatus;

  @Field(() => StorageMedium)
  medium: StorageMedium;

  @Field()
  commonName: string;

  @Field()
  subjectDn: string;

  @Field(() => String, { nullable: true, description: "The issuing CA's DN; null until the CA has signed." })
  issuerDn: string | null;

  @Field(() => Date, { nullable: true })
  notBefore: Date | null;

  @Field(() => Date, { nullable: true })
  notAfter: Date | null;

  @Field(() => Date, { nullable: true, description: 'When online renewal opens, for an ACTIVE certificate.' })
  renewableFrom: Date | null;

  @Field(() => ID, { nullable: true, description: 'The certificate this one renews.' })
  predecessorId: string | null;
}

@ObjectType()
export class SubmittedApplication {
  @Field(() => ApplicationSummary)
  application: ApplicationSummary;

  @Field(() => [KioskCertificate], {
    description: 'The signing and the encryption request, PENDING until the CA signs.',
  })
  certificates: KioskCertificate[];

  @Field(() => CustomerSessionGrant, { description: 'Lets this kiosk session download the pair: the ticket is spent.' })
  enrolment: CustomerSessionGrant;
}

@ObjectType()
export class DownloadedCertificate {
  @Field(() => ID)
  id: string;

  @Field()
  serialHex: string;

  @Field(() => CertificateUsage)
  usage: CertificateUsage;

  @Field({ description: 'The certificate, DER in base64.' })
  der: string;

  @Field({ description: 'The key it certifies, SubjectPublicKeyInfo DER in base64: where the agent installs it.' })
  publicKey: string;
}

@ObjectType()
export class DownloadedCertificates {
  @Field(() => [DownloadedCertificate])
  certificates: DownloadedCertificate[];

  @Field(() => [String], { description: 'The CA chain, issuing CA first, each DER in base64.' })
  chain: string[];
}

@ObjectType()
export class SuspendedCertificate {
  @Field(() => KioskCertificate)
  certificate: KioskCertificate;

  @Field({ description: 'Always true: only a teller at the counter can release a hold.' })
  releaseAtCounterOnly: boolean;
}

@ObjectType({ description: 'Room on the token: the kiosk warns and offers cleanup when the new pair will not fit.' })
export class TokenRoom {
  @Field()
  tokenSerial: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => Int, {
    description: "The customer's pending, issued, active and held certificates on the token, the new pair included.",
  })
  live: number;

  @Field(() => Int, { description: 'Revoked or expired certificates that may still take room until deleted.' })
  ended: number;
}

@ObjectType()
export class RenewedCertificates {
  @Field(() => [KioskCertificate])
  certificates: KioskCertificate[];

  @Field(() => TokenRoom, { nullable: true })
  tokenRoom: TokenRoom | null;
}

@ObjectType({ description: 'The terms the customer accepts before keys are made.' })
export class TermsOfUse {
  @Field()
  version: string;

  @Field({ description: "In the request's language." })
  text: string;

  @Field()
  textZhTw: string;

  @Field()
  textEn: string;
}
