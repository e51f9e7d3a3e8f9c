import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vite builds the client from client/ into dist/; Vitest runs unit and integration tests from the project root. */
export default defineConfig({
  root: `${root}client`,
  plugins: [react()],
  resolve: { alias: { '@shared': `${root}client/shared` } },
  build: { outDir: `${root}dist`, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/collab': { target: 'ws://127.0.0.1:8080', ws: true } } },
  test: {
    root,
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
