import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a complete offline web app; Electron loads the same build from dist/.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // A desktop app loads from disk: one bundle is fine.
    chunkSizeWarningLimit: 2500,
  },
});
