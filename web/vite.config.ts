import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The member app: built into web/dist with hashed files under /assets/; the
// server serves web/dist and falls back to index.html for app routes.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on the usual port.
    proxy: {
      '/api': { target: process.env.USHER_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
      '/dev': { target: process.env.USHER_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
