/**
 * The typed bridge over a wall: what arrives is validated with the hop's zod schema where it
 * crosses a trust boundary (page → relay, relay → background, any extension page → background),
 * and a message that does not fit is dropped, never thrown at. Trusted hops (background → panel)
 * take a wall's messages as typed, without this.
 */
import type { ZodType } from 'zod';
import type { Wall } from './wall.js';

export function checkedWall<In, Out>(wall: Wall<unknown, Out>, schema: ZodType<In>, onInvalid?: (raw: unknown) => void): Wall<In, Out> {
  return {
    listen: (listener) =>
      wall.listen((raw) => {
        const parsed = schema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
        else onInvalid?.(raw);
      }),
    send: wall.send,
  };
}
