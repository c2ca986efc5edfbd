/**
 * A server of its own for a journey that takes the network away (the offline journey): the project's kind of
 * server, so in journeys-nginx (SITE_SERVER=nginx) "offline" means the README's nginx recipe stopped.
 */
import { startNginx } from '../../scripts/lib/nginx.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

/** A running server of the built site. */
export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

export function startSiteServer(root: string, basePath: string): Promise<SiteServer> {
  return process.env.SITE_SERVER === 'nginx' ? startNginx({ root }) : startStaticServer({ root, basePath, port: 0 });
}
