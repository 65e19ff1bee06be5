import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Run from the repository root (`vite build --config apps/web/vite.config.ts`); paths are anchored here.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No React plugin: Vite's esbuild compiles TSX with the automatic JSX runtime.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // ECharts changes rarely: a separate chunk stays cached across app releases.
        manualChunks: (id) =>
          /[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(id) ? 'echarts' : undefined,
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
