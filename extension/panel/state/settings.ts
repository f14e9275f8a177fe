/**
 * What the panel judges streams by — the AI SDK client version, the dialect and the stall
 * threshold — kept across sessions. Changing one re-judges every captured stream (the store
 * passes it to the decode worker).
 */
import { signal, type Signal } from '@preact/signals';
import { z } from 'zod';
import { AppSchemasError, appSchemasSchema, clientVersionSchema, compileAppSchemas, dialectSchema } from '../../../protocol/index.js';
import { defaultDecodeSettings, type DecodeSettings } from '../worker/decode-messages.js';

export const settingsSchema = z.object({
  client: clientVersionSchema,
  dialect: z.union([dialectSchema, z.literal('auto')]),
  stallMs: z.number().int().min(100).max(600_000),
  schemas: appSchemasSchema.nullable(),
});

export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type SettingsStore = {
  readonly current: Signal<DecodeSettings>;
  update(change: Partial<DecodeSettings>): void;
  /** Takes an app's schemas file's text; returns what is wrong with it (and keeps the old), or null. */
  loadSchemas(text: string): string | null;
};

const storageKey = 'streamscope:settings';

/** Stored settings, or the defaults when none are stored or they do not validate (an older build's). */
export function readSettings(storage: SettingsStorage | undefined): DecodeSettings {
  try {
    const stored = storage?.getItem(storageKey);
    const parsed = stored ? settingsSchema.safeParse(JSON.parse(stored)) : undefined;
    return parsed?.success ? parsed.data : defaultDecodeSettings;
  } catch {
    return defaultDecodeSettings;
  }
}

export function createSettingsStore(storage?: SettingsStorage): SettingsStore {
  const current = signal(readSettings(storage));
  return {
    current,
    update(change) {
      const next = settingsSchema.safeParse({ ...current.peek(), ...change });
      if (!next.success) return;
      current.value = next.data;
      storage?.setItem(storageKey, JSON.stringify(next.data));
    },
    loadSchemas(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return `not JSON: ${(error as Error).message}`;
      }
      try {
        compileAppSchemas(value);
      } catch (error) {
        if (error instanceof AppSchemasError) return error.message;
        throw error;
      }
      this.update({ schemas: value as DecodeSettings['schemas'] });
      return null;
    },
  };
}
