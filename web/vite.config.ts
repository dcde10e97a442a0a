import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console's build: web/ in, web/dist/ out (served by the API server; never committed). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and echarts are large but served from the office LAN and cached as immutable assets.
    chunkSizeWarningLimit: 2000,
  },
});
