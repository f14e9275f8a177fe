import { describe, expect, it } from 'vitest';
import { backoffMs, createPortWall, maxBackoffMs } from './port-wall.js';
import { createMemoryPorts, createMemoryWalls } from './memory-wall.js';
import type { RuntimePort } from './runtime-port.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('port wall', () => {
  it('reconnects at once after an answered port closes, and tells when the extension is gone', async () => {
    const servers: RuntimePort[] = [];
    let gone = false;
    const events: string[] = [];
    const wall = createPortWall<string, string>({
      lazy: false,
      connect: () => {
        if (gone) throw new Error('Extension context invalidated.');
        const { client, server } = createMemoryPorts('p');
        server.onMessage.addListener((message) => server.postMessage(`echo ${String(message)}`));
        servers.push(server);
        return client;
      },
      onConnect: () => events.push('connect'),
      onDisconnect: (answered) => events.push(`disconnect answered=${answered}`),
      onDead: () => events.push('dead'),
    });
    wall.listen((message) => events.push(message));
    wall.send('a');
    await settle();
    servers[0].disconnect();
    await settle();
    wall.send('b');
    await settle();
    gone = true;
    servers[1].disconnect();
    await settle();
    expect(events).toEqual(['connect', 'echo a', 'disconnect answered=true', 'connect', 'echo b', 'disconnect answered=true', 'dead']);
  });

  it('backs off exponentially, up to a cap', () => {
    expect([0, 1, 2, 3, 20].map(backoffMs)).toEqual([0, 200, 400, 800, maxBackoffMs]);
  });

  it('an in-memory wall pair delivers clones, later', async () => {
    const [a, b] = createMemoryWalls<{ n: number }, { n: number }>();
    const seen: { n: number }[] = [];
    b.listen((message) => seen.push(message));
    const sent = { n: 1 };
    a.send(sent);
    expect(seen).toEqual([]);
    await settle();
    expect(seen).toEqual([{ n: 1 }]);
    expect(seen[0]).not.toBe(sent);
  });
});
