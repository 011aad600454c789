// Which profile a gateway URL belongs to: the hover verifies a URL's `sign`
// with the key of the profile whose gateway the URL names, never with whatever
// profile happens to be active.
import type { Profile } from './profile';
import { normalizeHost } from './protocol';

/** scheme://host[:port]/path with core/protocol's host normalisation, no trailing slash, no query: two spellings of one gateway compare equal. */
export function gatewayKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${normalizeHost(url)}:${u.port}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * The profile whose gateway is `url`'s (the active one first when several share it);
 * undefined when none does. Without a URL (a bare query string) the active profile.
 */
export function profileForGateway(profiles: readonly Profile[], url: string | undefined, active: Profile): Profile | undefined {
  if (url === undefined) return active;
  const key = gatewayKey(url);
  if (key === undefined) return undefined;
  if (gatewayKey(active.gateway) === key) return active;
  return profiles.find((p) => gatewayKey(p.gateway) === key);
}
