// Manual check tool: the TUI with the hand-built seed analysis and fake services, for looking at
// it in a real terminal before the pipeline is complete. `npx tsx test/tui/fake-tui.tsx`
import React from 'react';
import { render } from 'ink';
import { App } from '../../src/tui/App.tsx';
import { fakeServices } from './harness.tsx';
import { seedAnalysis } from './seed-analysis.ts';

const a = seedAnalysis();
const { services } = fakeServices(a);
process.stdout.write('\x1b[?1049h\x1b[?2004h');
const app = render(<App services={services} initial={{ kind: 'analysis', analysis: a }} />, { patchConsole: false });
await app.waitUntilExit();
process.stdout.write('\x1b[?2004l\x1b[?1049l');
console.log('EXITED');
