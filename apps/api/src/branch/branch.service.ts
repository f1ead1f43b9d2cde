import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Branch } from './branch.entity';

@Injectable()
export class BranchService {
  constructor(private readonly dataSource: DataSource) {}

  /** Few rows (one per branch of the bank): listed whole, by code. */
  list(): Promise<Branch[]> {
    return this.dataSource.getRepository(Branch).find({ order: { code: 'ASC' } });
  }
}
