import { type ServerResponse } from 'node:http';
import { type AgentEvent } from '@app/contracts';

/** How often an idle stream gets a comment line, so proxies and the browser keep it open. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent event streams, one or more per pairing session. Events go only to the streams of the
 * session they belong to: another page's stream never sees this customer's tokens or prompts.
 */
export class EventHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private readonly heartbeat = setInterval(() => this.comment('keep-alive'), HEARTBEAT_MS).unref();

  /** Turns `res` into an event stream of `sessionId` until the client goes away or the session ends. */
  subscribe(sessionId: string, res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    let set = this.streams.get(sessionId);
    if (!set) this.streams.set(sessionId, (set = new Set()));
    set.add(res);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0 && this.streams.get(sessionId) === set) this.streams.delete(sessionId);
    });
  }

  /** Whether anyone is listening (the token watcher polls only then). */
  get listening(): boolean {
    return this.streams.size > 0;
  }

  emit(sessionId: string, event: AgentEvent): void {
    const frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of this.streams.get(sessionId) ?? []) res.write(frame);
  }

  /** Sends the session's last event and closes its streams. */
  close(sessionId: string, last?: AgentEvent): void {
    if (last) this.emit(sessionId, last);
    for (const res of this.streams.get(sessionId) ?? []) res.end();
    this.streams.delete(sessionId);
  }

  dispose(): void {
    clearInterval(this.heartbeat);
    for (const sessionId of [...this.streams.keys()]) this.close(sessionId);
  }

  private comment(text: string): void {
    for (const set of this.streams.values()) for (const res of set) res.write(`: ${text}\n\n`);
  }
}
