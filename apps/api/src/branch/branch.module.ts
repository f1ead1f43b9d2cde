import { Global, Module } from '@nestjs/common';
import { BranchResolver } from './branch.resolver';
import { BranchService } from './branch.service';

@Global()
@Module({ providers: [BranchService, BranchResolver], exports: [BranchService] })
export class BranchModule {}
