/** /tai-ve/<name>.docx: Word files in the Party's layout (plan texts, handouts, the unit template; src/components/office/downloads.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { docxFiles } from '../../components/office/downloads.ts';
import { DOCX_MIME } from '../../lib/office/party-doc.ts';

export const getStaticPaths = (async () => (await docxFiles()).map((f) => ({ params: { name: f.name }, props: { file: f } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: Awaited<ReturnType<typeof docxFiles>>[number] }> = async ({ props, site }) =>
  new Response(new Uint8Array(await props.file.make(site)), { headers: { 'Content-Type': DOCX_MIME } });
