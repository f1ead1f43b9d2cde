import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { Branch } from '../../branch/branch.entity';

@ArgsType()
export class ReconciliationArgs {
  @Field({ description: 'The Taipei calendar day, YYYY-MM-DD.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { context: { code: 'REPORT_DATE_INVALID' } })
  date: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  branchId?: string;
}

/** 日結對帳 of one branch for one day. */
@ObjectType()
export class ReconciliationRow {
  @Field(() => Branch)
  branch: Branch;

  @Field(() => Int, { description: 'Password notices printed (first prints), from the audit trail.' })
  noticesPrinted: number;

  @Field(() => Int, { description: 'Password notices printed again for an application that already had one.' })
  noticesReprinted: number;

  @Field(() => Int, { description: 'Applications registered at the counter that day.' })
  applicationsRegistered: number;

  @Field(() => Int, { description: 'Applications that reached COMPLETED that day.' })
  applicationsCompleted: number;

  @Field(() => Int, { description: 'Certificate proof sheets printed, from the audit trail.' })
  proofSheetsPrinted: number;
}

@ObjectType()
export class Reconciliation {
  @Field()
  date: string;

  @Field({ description: 'Start of the day in Taipei, as an instant.' })
  from: Date;

  @Field({ description: 'Start of the next day in Taipei, as an instant.' })
  to: Date;

  @Field(() => [ReconciliationRow], { description: 'One row per branch in scope, by branch code.' })
  branches: ReconciliationRow[];
}
