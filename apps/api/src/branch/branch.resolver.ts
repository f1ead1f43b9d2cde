import { Query, Resolver } from '@nestjs/graphql';
import { Branch } from './branch.entity';
import { BranchService } from './branch.service';

@Resolver(() => Branch)
export class BranchResolver {
  constructor(private readonly branchService: BranchService) {}

  @Query(() => [Branch], { description: 'Every branch, by code (for pickers).' })
  branches(): Promise<Branch[]> {
    return this.branchService.list();
  }
}
