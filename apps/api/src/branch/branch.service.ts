import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Branch } from './branch.entity';

@Injectable()
export class BranchService {
  constructor(private readonly dataSource: DataSource) {}

  /** Few rows (one per branch of the bank): listed whole, by code. */
  list(): Promise<Branch[]> {
    return this.dataSource.getRepository(Branch).find({ order: { code: 'ASC' } });
  }

  /** One query per request for all the branches a page of results refers to. */
  createLoader(): DataLoader<string, Branch> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Branch).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((b) => [b.id, b]));
      return ids.map((id) => byId.get(id) ?? new Error(`branch ${id} not found`));
    });
  }
}
