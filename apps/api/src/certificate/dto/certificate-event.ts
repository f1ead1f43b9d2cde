import { ActorType } from '@app/contracts';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(ActorType, { name: 'ActorType' });

/** One line of a certificate's history: an audit event about it, with who did it and through which channel. */
@ObjectType()
export class CertificateEvent {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field({ description: 'Audit action, e.g. CERTIFICATE_SUSPENDED, UNSUSPEND_REQUESTED.' })
  action: string;

  @Field(() => ActorType)
  actorType: ActorType;

  @Field(() => String, { nullable: true, description: 'Username of the member of staff, or the system job.' })
  actor: string | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => String, { nullable: true })
  actorRole: string | null;

  @Field(() => String, { nullable: true })
  branchCode: string | null;

  @Field({ description: 'COUNTER, KIOSK or SYSTEM.' })
  channel: string;

  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Field(() => String, { nullable: true })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Revocation reason, or why an unsuspend request was rejected.' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'The identity document checked for an unsuspend request.' })
  documentType: string | null;
}
