import { Worker } from 'node:worker_threads';
import type { PrintModel } from './PrintModel';
import type { ExportJob, ExportResult } from './exportWorker';

/** One long-lived worker thread that renders DOCX and PDF files, one job after another. */
export class ExportPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./exportWorkerBoot.mjs', import.meta.url));
    worker.on('message', (result: ExportResult) => {
      const job = this.pending.get(result.id);
      if (!job) return;
      this.pending.delete(result.id);
      if (result.ok) job.resolve(Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength));
      else job.reject(new Error(result.error));
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', () => {
      this.worker = null;
      this.fail(new Error('export worker stopped'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(err: Error): void {
    for (const job of this.pending.values()) job.reject(err);
    this.pending.clear();
  }

  /** Renders `model` in the worker. */
  render(format: 'docx' | 'pdf', model: PrintModel): Promise<Buffer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage({ id, format, model } satisfies ExportJob);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
