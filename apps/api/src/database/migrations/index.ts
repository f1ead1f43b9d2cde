import { InitialSchema1795487161486 } from './1795487161486-InitialSchema';
import { CaIssuanceAndCrls1795489826404 } from './1795489826404-CaIssuanceAndCrls';

/** Every migration, oldest first. Add a generated migration here. */
export const MIGRATIONS: Function[] = [InitialSchema1795487161486, CaIssuanceAndCrls1795489826404];
