import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const dataProvider = fileURLToPath(new URL('../packages/data-provider/src/', import.meta.url));
const api = process.env.API_URL ?? 'http://127.0.0.1:3080';
const proxy = { '/api': api, '/health': api, '/ready': api };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@mcp-registry/data-provider': `${dataProvider}index.ts` },
  },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    /** The shared package only declares constants, types and schemas: what the client does not import is dropped, zod included. */
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.startsWith(dataProvider) } },
  },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
});
