/** The agent's version, reported by /health and the environment report; raised with every release. */
export const AGENT_VERSION = '0.1.0';
