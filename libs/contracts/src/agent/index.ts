export * from './agent-wire';
export * from './agent-events';
