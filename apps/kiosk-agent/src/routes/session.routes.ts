import { AGENT_PATHS } from '@app/contracts';
import { type Route } from '../http/router';
import { type AgentServices } from './agent-services';
import { environmentReport } from '../environment';

/** Pairing session, event stream and environment report. */
export function sessionRoutes(s: AgentServices): Route[] {
  return [
    {
      method: 'POST',
      path: AGENT_PATHS.session,
      outsideSession: true,
      handler: async ({ claims }) => {
        const session = await s.sessions.start(claims);
        return s.config.mode === 'personal' ? { ...session, storeCreated: await s.store.hasPassword() } : session;
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.sessionEnd,
      outsideSession: true,
      handler: async ({ claims }) => {
        await s.sessions.end(claims.sessionId);
        return { ended: true };
      },
    },
    {
      method: 'GET',
      path: AGENT_PATHS.events,
      tokenInQuery: true,
      handler: async ({ claims, res, cors }) => {
        s.events.subscribe(claims.sessionId, res, cors);
        s.watcher.ensureRunning();
        return undefined;
      },
    },
    {
      method: 'GET',
      path: AGENT_PATHS.environment,
      outsideSession: true,
      handler: () => environmentReport(s.config, s.tokens),
    },
  ];
}
