import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // No CSP <meta>: the hosts send the policy as a header (shared/security/content-security-policy.ts).
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: {
          // zod and the module switching off its `new Function` probe (the CSP has no 'unsafe-eval') must be one
          // chunk: every chunk defining schemas then imports it, so the switch runs before the first schema.
          manualChunks: (id: string) =>
            id.includes('/node_modules/zod/') || id.endsWith('/renderer/src/zod-without-eval.ts')
              ? 'zod'
              : null,
        },
      },
    },
  },
});
