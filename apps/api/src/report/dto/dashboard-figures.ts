import { CertificateStatus } from '@app/contracts';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Branch } from '../../branch/branch.entity';

@ArgsType()
export class DashboardArgs {
  @Field(() => ID, { nullable: true, description: 'One branch; without it, the caller’s branch (an admin: the bank).' })
  @IsOptional()
  @IsUUID()
  branchId?: string;
}

@ObjectType()
export class StatusCount {
  @Field(() => CertificateStatus)
  status: CertificateStatus;

  @Field(() => Int)
  count: number;
}

/** The figures of one branch, or of the whole bank when `branch` is null. */
@ObjectType()
export class BranchFigures {
  @Field(() => Branch, { nullable: true })
  branch: Branch | null;

  @Field(() => [StatusCount], { description: 'Every certificate status, zeros included, in life-cycle order.' })
  certificatesByStatus: StatusCount[];

  @Field(() => Int, { description: 'ACTIVE certificates whose notAfter falls from today to today + 30 (Taipei days).' })
  expiring30: number;

  @Field(() => Int, { description: 'As expiring30, to today + 60.' })
  expiring60: number;

  @Field(() => Int, { description: 'SUSPENDED since before `suspendedBefore`.' })
  suspendedOver: number;

  @Field(() => Int, { description: 'Applications whose notice was printed and not yet used.' })
  applicationsNoticePrinted: number;

  @Field(() => Int)
  applicationsLocked: number;

  @Field(() => Int)
  applicationsExpired: number;

  @Field(() => Int)
  tokensLocked: number;

  @Field(() => Int)
  tokensLost: number;

  @Field(() => Int, { description: 'Unsuspend requests waiting for a supervisor.' })
  pendingApprovals: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest waiting request was made.' })
  oldestPendingAt: Date | null;
}

/** The supervisors' dashboard: what the tables hold at `queriedAt`, for one scope. */
@ObjectType()
export class Dashboard extends BranchFigures {
  @Field({ description: 'The instant the figures were read.' })
  queriedAt: Date;

  @Field({ description: 'First day of the expiry windows (today in Taipei), YYYY-MM-DD.' })
  expiringFrom: string;

  @Field({ description: 'Last day of the 30-day window, YYYY-MM-DD.' })
  expiring30Until: string;

  @Field({ description: 'Last day of the 60-day window, YYYY-MM-DD.' })
  expiring60Until: string;

  @Field(() => Int, { description: 'DASHBOARD_SUSPENDED_DAYS.' })
  suspendedDays: number;

  @Field({ description: 'Certificates held since before this instant count as suspendedOver.' })
  suspendedBefore: Date;

  @Field(() => [BranchFigures], { description: 'One row per branch for an admin viewing the bank; empty otherwise.' })
  perBranch: BranchFigures[];
}

/** Life-cycle order, as the dashboard lists and charts them. */
export const CERTIFICATE_STATUS_ORDER: CertificateStatus[] = [
  CertificateStatus.PENDING,
  CertificateStatus.ISSUED,
  CertificateStatus.ACTIVE,
  CertificateStatus.SUSPENDED,
  CertificateStatus.REVOKED,
  CertificateStatus.EXPIRED,
];
