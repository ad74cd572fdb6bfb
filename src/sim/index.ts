// The simulator's public face: run scenarios, render them as mdb text, seed from a dump, ask
// "what if", cross-check against the parser, and audit the rules against simulated dumps.
export { buildState, type BuildOptions, type BuildResult } from './build.ts';
export { runUntil } from './engine.ts';
export { applyDump } from './dump.ts';
export { runScenario, type RunOptions } from './run.ts';
export { builtinScenarios, loadScenario } from './scenario-load.ts';
export { validateScenario } from './scenario-validate.ts';
export type { ScenarioFile, ThreadDef, StepDef, PhaseDef, IntrDef, CpuDef, DumpDef } from './scenario-types.ts';
export { toSnapshot } from './snapshot.ts';
export { emitTranscript, parseEmitKinds, EMIT_KINDS, type EmitKind, type TranscriptOptions } from './transcript.ts';
export { summarize, formatSummary, type SimSummary } from './summary.ts';
export { whatIf, formatWhatIf, type KpreemptMode, type WhatIfOptions, type WhatIfOutcome, type WhatIfResult, type WhatIfStatus } from './whatif.ts';
export { auditFamily, auditHealthy, formatAudit, runAudit, FAMILY, type AuditProblem, type AuditReport } from './audit.ts';
export { auditWorkload } from './audit-workload.ts';
export { scenarioFromSnapshot } from './from-snapshot.ts';
export { checkSeed, runCheck, type CheckMismatch, type CheckReport } from './check.ts';
export { randomWorkload } from './random-workload.ts';
export { makeParams, applyTunables, TUNABLES } from './params.ts';
export { parseDuration } from './duration.ts';
export type { SimState, SimParams, ExpectedWait } from './types.ts';
export { SimLock, dispPrio, type LockKind } from './locks.ts';
export { renderMutex } from '../render/mutex.ts';
