import { InitialSchema1795487161486 } from './1795487161486-InitialSchema';

/** Every migration, oldest first. Add a generated migration here. */
export const MIGRATIONS: Function[] = [InitialSchema1795487161486];
