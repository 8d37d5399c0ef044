/**
 * Builds `window.marginalia` from the channel table: `api.annotations.create(input)` becomes
 * `invoke('annotations:create', input)`. It must stay self-contained (no imports, no outside names) because the
 * test harness ships its source text into a page as an init script, where it stands in for the preload.
 */
export function buildApi(
  table: Record<string, Record<string, string>>,
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): Record<string, Record<string, (input?: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [group, verbs] of Object.entries(table)) {
    const functions: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const [verb, channelName] of Object.entries(verbs)) {
      functions[verb] = (input?: unknown) => invoke(channelName, input);
    }
    api[group] = Object.freeze(functions);
  }
  return Object.freeze(api);
}
