/** /tai-ve/<session id>.pptx: the study deck as an editable PowerPoint file (src/components/office/downloads.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pptxFiles } from '../../components/office/downloads.ts';

export const getStaticPaths = (async () => (await pptxFiles()).map((f) => ({ params: { name: f.name }, props: { file: f } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: Awaited<ReturnType<typeof pptxFiles>>[number] }> = async ({ props, site }) =>
  new Response(new Uint8Array(await props.file.make(site)), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation' } });
