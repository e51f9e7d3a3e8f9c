import { parentPort } from 'node:worker_threads';
import type { PrintModel } from './PrintModel';

/** A render job sent to the export worker. */
export interface ExportJob {
  id: number;
  format: 'docx' | 'pdf';
  model: PrintModel;
}

/** The worker's answer. */
export type ExportResult = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; error: string };

// Rendering runs here, off the main thread, so a large export never stalls editing for others.
parentPort?.on('message', (job: ExportJob) => {
  // Each renderer is loaded on first use: DOCX jobs never pay for the PDF fonts and the reverse.
  const render = job.format === 'docx'
    ? import('./renderDocx').then((m) => m.renderDocx(job.model))
    : import('./renderPdf').then((m) => m.renderPdf(job.model));
  render.then(
    (buf: Buffer) => {
      const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      parentPort?.postMessage({ id: job.id, ok: true, data } satisfies ExportResult, [data.buffer as ArrayBuffer]);
    },
    (err: unknown) => parentPort?.postMessage({ id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies ExportResult),
  );
});
