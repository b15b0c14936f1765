// Builds the bench-only naive Lexical page into .bench/site/naive (served beside the app build by `npm run bench`).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'bench/naive',
  base: './',
  plugins: [react()],
  logLevel: 'error',
  build: { outDir: '../../.bench/site/naive', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2500 },
});
