import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console's web app. The backend (apps/console) serves the build and answers /api and /auth; in
// development `vite` proxies those to it (CONSOLE_BACKEND_URL, default the backend's local port).
const backend = process.env['CONSOLE_BACKEND_URL'] ?? 'http://127.0.0.1:3005';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/console-web',
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: { '/api': backend, '/auth': backend },
  },
  preview: { port: 4300, host: '127.0.0.1' },
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/console-web',
    emptyOutDir: true,
    reportCompressedSize: false,
  },
}));
