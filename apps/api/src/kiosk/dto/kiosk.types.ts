import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A pairing token for the kiosk page to hand to the kiosk agent.' })
export class KioskPairing {
  @Field({ description: 'Give it to the agent as `Authorization: Pairing <token>`; valid until expiresAt.' })
  token: string;

  @Field({ description: 'The customer session the agent binds everything to.' })
  sessionId: string;

  @Field()
  kioskCode: string;

  @Field({ description: 'The page origin the token is bound to.' })
  origin: string;

  @Field()
  expiresAt: Date;
}

@ObjectType({ description: "A kiosk agent's key, for its config file. Shown once; keep it out of tickets and mail." })
export class KioskAgentKey {
  @Field()
  kioskCode: string;

  @Field({ description: 'base64url; goes into the agent config as kioskKey (or a kioskKeyFile).' })
  kioskKey: string;
}
