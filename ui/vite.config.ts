import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the api runs on :8080 (java -jar api/target/assay-api.jar) and Vite proxies /api to it;
// ASSAY_API points the proxy elsewhere.
const api = process.env.ASSAY_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/actuator': api },
  },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Generous: the machines these run on are shared, and a user-event test of the whole page is slow under load.
    testTimeout: 40000,
  },
});
