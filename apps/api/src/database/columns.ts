import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/** Millisecond timestamps, stored in UTC (the connection runs with timezone 'Z'). */
export const DateTimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const CreatedAtColumn = () =>
  CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' });
export const UpdatedAtColumn = () =>
  UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  });

/** UUIDs are made by the application (crypto.randomUUID) so seeds can use fixed ids. */
export const UuidPrimaryColumn = () =>
  PrimaryColumn({ type: 'varchar', length: 36, charset: 'ascii', collation: 'ascii_bin' });
export const UuidColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 36, charset: 'ascii', collation: 'ascii_bin', ...options });

/** Status-like columns: short ASCII strings validated by libs/domain, portable to the embedded DB. */
export const CodeColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, charset: 'ascii', collation: 'ascii_bin', ...options });
