/** Site-relative links that include the configured base path. Use for every internal href/src. */
import { joinBase } from './lib/text/url.ts';

/**
 * Prefixes a site path with the deployment base path.
 * @example href('/van-ban/') // "/van-ban/" or "/tri-thuc/van-ban/" when built with BASE_PATH=/tri-thuc/
 */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
