import { StaffRole } from '@app/contracts';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Ctx, type RequestContext } from '../common/request-context';
import { KioskAgentKey, KioskPairing } from './dto/kiosk.types';
import { KioskCodeArgs } from './dto/kiosk.inputs';
import { Kiosk } from './kiosk.entity';
import { KioskPairingService } from './kiosk-pairing.service';

/** Kiosks of the branch, starting a kiosk session for a customer, and the agents' keys. */
@Resolver(() => Kiosk)
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class KioskResolver {
  constructor(private readonly pairing: KioskPairingService) {}

  @Query(() => [Kiosk])
  kiosks(@Ctx() ctx: RequestContext): Promise<Kiosk[]> {
    return this.pairing.list(ctx);
  }

  @Roles(StaffRole.TELLER, StaffRole.SUPERVISOR)
  @Mutation(() => KioskPairing, { description: "Starts a customer session on a kiosk of the caller's branch." })
  pairKioskAgent(@Ctx() ctx: RequestContext, @Args() { kioskCode }: KioskCodeArgs): Promise<KioskPairing> {
    return this.pairing.pair(ctx, kioskCode);
  }

  @Roles(StaffRole.ADMIN)
  @Mutation(() => KioskAgentKey, { description: "The key for a kiosk agent's config file." })
  issueKioskAgentKey(@Ctx() ctx: RequestContext, @Args() { kioskCode }: KioskCodeArgs): Promise<KioskAgentKey> {
    return this.pairing.issueAgentKey(ctx, kioskCode);
  }
}
