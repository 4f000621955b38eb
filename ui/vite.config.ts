import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Writes a brotli copy (.br) beside each built script and stylesheet, compressed once at the highest quality; the
 * api serves it to browsers that accept br (Spring's EncodedResourceResolver), gzip on the fly otherwise.
 */
function brotli(): Plugin {
  return {
    name: 'assay-brotli',
    apply: 'build',
    writeBundle(options) {
      const assets = join(options.dir ?? 'dist', 'assets');
      for (const name of readdirSync(assets).filter((n) => /\.(js|css)$/.test(n))) {
        const file = join(assets, name);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(readFileSync(file), {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
          }),
        );
      }
    },
  };
}

// In development the api runs on :8080 (java -jar api/target/assay-api.jar) and Vite proxies /api to it;
// ASSAY_API points the proxy elsewhere.
const api = process.env.ASSAY_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), brotli()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/actuator': api },
  },
  build: { outDir: 'dist' },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Generous: the machines these run on are shared, and a user-event test of the whole page is slow under load.
    testTimeout: 40000,
  },
});
