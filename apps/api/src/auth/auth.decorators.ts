import type { StaffRole } from '@app/contracts';
import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** Reachable without a session (sign-in, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the resolver (class) or field (method). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);
