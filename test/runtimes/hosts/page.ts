/** The lifecycle in a browser page served by the emulator's origin; the runner reads the result. */
import { type LifecycleReport, runLifecycle } from '../lifecycle.ts';

(globalThis as { lifecycleReport?: Promise<LifecycleReport> }).lifecycleReport = runLifecycle(
  location.origin,
);
