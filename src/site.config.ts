/**
 * What the site says about itself, in one typed place: canonical address, the publisher line in the
 * footer and a contact. Defaults are neutral (they claim no body runs the site); a deployment sets
 * them through the environment at build time:
 * - `SITE_URL`: canonical origin, e.g. https://example.org (default: the local preview address);
 * - `SITE_PUBLISHER`: who publishes the site, shown in the footer, only when that is verified;
 * - `SITE_CONTACT`: an e-mail address or URL readers can write to.
 */
import { z } from 'astro/zod';

/** The site configuration. */
export const siteConfigSchema = z
  .object({
    /** Canonical origin of the deployed site (canonical links, sitemap, QR codes on slides). */
    url: z.url({ protocol: /^https?$/, message: 'SITE_URL phải là một địa chỉ http(s) đầy đủ' }),
    /** Footer line saying who publishes the site; the default says no body is claimed. */
    publisher: z.string().trim().min(1),
    /** Contact (e-mail or URL), or undefined when none is configured. */
    contact: z.string().trim().min(1).optional(),
  })
  .strict();

/** Validated configuration. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Neutral defaults: a local address and a publisher line that claims no organisation. */
export const DEFAULT_PUBLISHER =
  'Trang học tập độc lập, không phải cổng thông tin của cơ quan Đảng hay chính quyền nào. Văn bản có toàn văn được đăng đúng như tệp đang lưu; các bản tóm lược được ghi rõ và dẫn nguồn.';

/** Reads the configuration from an environment (throws a clear message on a bad value). */
export function readSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const res = siteConfigSchema.safeParse({
    url: env.SITE_URL || 'http://localhost:4321',
    publisher: env.SITE_PUBLISHER || DEFAULT_PUBLISHER,
    contact: env.SITE_CONTACT || undefined,
  });
  if (!res.success) throw new Error(`Cấu hình trang không hợp lệ: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return res.data;
}

/** The configuration of this build. */
export const siteConfig: SiteConfig = readSiteConfig(process.env);
