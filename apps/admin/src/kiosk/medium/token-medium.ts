import type { AgentClient } from '../agent-client';
import type { Medium } from './medium';

/** The token `serial` in the reader, through the agent (the customer has logged in with the PIN). */
export function tokenMedium(agent: AgentClient, serial: string): Medium {
  return {
    kind: 'token',
    tokenSerial: serial,
    objects: () => agent.objects({ serial }),
    sign: (id, challenge) => agent.signChallenge({ serial, id, challenge }),
    install: (certificates, chain) => agent.install({ serial, certificates, chain }),
    generate: (request) => agent.generateKeys({ ...request, serial }),
  };
}
