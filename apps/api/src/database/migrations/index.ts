import { InitialSchema1795487161486 } from './1795487161486-InitialSchema';
import { CaIssuanceAndCrls1795489826404 } from './1795489826404-CaIssuanceAndCrls';
import { AuditChainRemindersOutbox1795494282554 } from './1795494282554-AuditChainRemindersOutbox';
import { CounterUnsuspendRequests1795494342510 } from './1795494342510-CounterUnsuspendRequests';
import { Kiosks1795494845293 } from './1795494845293-Kiosks';
import { CertificateChallenges1795495279498 } from './1795495279498-CertificateChallenges';
import { FediConversions1795507130711 } from './1795507130711-FediConversions';

/** Every migration, oldest first. Add a generated migration here. */
export const MIGRATIONS: Function[] = [
  InitialSchema1795487161486,
  CaIssuanceAndCrls1795489826404,
  AuditChainRemindersOutbox1795494282554,
  CounterUnsuspendRequests1795494342510,
  Kiosks1795494845293,
  CertificateChallenges1795495279498,
  FediConversions1795507130711,
];
