// `playfair sim`: run a dispatcher scenario (and print what mdb would show at the end), ask
// "what if" of a parsed dump, or cross-check the simulator against the parser.
import { HZ_DEFAULT } from '../../illumos/index.ts';
import type { Command, CliIO } from './io.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io.ts';
import { parseOptions } from './options.ts';
import { readInput } from '../input/index.ts';
import { DEFAULT_MAX_INPUT } from './analyze.ts';
import { analyzeText } from '../analyze.ts';
import { neutralize } from '../report/sanitize.ts';
import { formatAudit, runAudit } from '../sim/audit.ts';
import { runCheck } from '../sim/check.ts';
import { parseDuration } from '../sim/duration.ts';
import { applyTunables, TUNABLES, type ParamInput } from '../sim/params.ts';
import { runScenario } from '../sim/run.ts';
import { builtinScenarios, loadScenario } from '../sim/scenario-load.ts';
import { formatSummary, summarize } from '../sim/summary.ts';
import { EMIT_KINDS, emitTranscript, parseEmitKinds } from '../sim/transcript.ts';
import { formatWhatIf, whatIf } from '../sim/whatif.ts';

export const HELP = `usage:
  playfair sim [--scenario NAME|FILE] [--duration 18.4h] [--seed N] [--kpreemptpri N] [--kpqpri N]
               [--hz N] [--TUNABLE N] [--emit KIND,...] [--no-dump] [--exact]
               [--debug] [--json]
  playfair sim --what-if NAME=VALUE[,NAME=VALUE] FILE|- [--duration 60s] [--seed N] [--hz N]
               [--patch boot|live] [--json]
  playfair sim --check [--seeds 500] [--first-seed 1]
  playfair sim --audit [--seeds 500] [--first-seed 1]
  playfair sim --list
  playfair sim -h|--help

Runs a scenario and prints a summary; with --emit, prints the mdb session an engineer would have
seen at the end instead (summary on stderr), so \`playfair sim ... --emit ... | playfair analyze -\`
works. --emit kinds:
  ${EMIT_KINDS.join(', ')}
  (turnstile: \`ADDR::sobj2ts | ::turnstile\` of each lock threads wait on).
--what-if seeds the simulator from a parsed dump and judges each finding over the whole
simulated window: CLEARS (gone and not back), RETURNS (moved, but back by the end), REMAINS
(exit 1 unless every finding clears). A kpreemptpri change is simulated as the boot-time fix
(kpqpri follows it) unless --patch live (kpreemptpri/w on the running kernel: kpqpri stays).
Settable, each as --NAME N or in --what-if:
  ${TUNABLES.map((t) => `--${t}`).join(', ')}.
--check cross-checks render and parse on random workloads
(exit 1 on any mismatch). --audit renders random healthy workloads and the #1532 family scenarios
as mdb text and analyses them: it lists every false alarm (a high or critical finding on a healthy
run) and every miss (a family starvation no high or critical finding names), each with its seed;
exit 0 only when there are none. --list prints the built-in scenarios. --json prints the summary
(or the what-if judgements) as JSON.

exit codes:
  0  the run, check or audit passed (what-if: every finding clears)
  1  --what-if: a finding remains or returns; --check: a mismatch; --audit: a false alarm or a miss
  2  bad usage, an unknown scenario, or unreadable input
  4  internal error
`;

// Every tunable the simulator can change is an option by its kernel name (--kpreemptpri 99).
const TUNABLE_OPTIONS: Record<string, { type: 'string' }> = Object.fromEntries(TUNABLES.map((t) => [t, { type: 'string' }]));

/** Every flag sim accepts; each must appear in HELP (test/cli/help.test.ts checks). */
export const OPTIONS = {
  ...TUNABLE_OPTIONS,
  scenario: { type: 'string' },
  duration: { type: 'string' },
  seed: { type: 'string' },
  emit: { type: 'string' },
  'no-dump': { type: 'boolean' },
  exact: { type: 'boolean' },
  debug: { type: 'boolean' },
  json: { type: 'boolean' },
  'what-if': { type: 'string', multiple: true },
  patch: { type: 'string' },
  check: { type: 'boolean' },
  audit: { type: 'boolean' },
  seeds: { type: 'string' },
  'first-seed': { type: 'string' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

function int(v: unknown, name: string, lo: number, hi: number): number | string | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !/^-?\d+$/.test(v) || n < lo || n > hi) return `--${name} must be an integer in ${lo}..${hi}`;
  return n;
}

export const runSim: Command = async (argv, io) => {
  const opts = parseOptions(argv, OPTIONS);
  const usage = (msg: string): number => {
    io.stderr.write(`playfair sim: ${neutralize(msg)}\n`);
    return EXIT_USAGE;
  };
  if ('error' in opts) return usage(opts.error);
  const v = opts.values;
  if (v['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (v['list'] === true) {
    for (const name of builtinScenarios()) {
      const l = loadScenario(name);
      io.stdout.write(`${name}${l.ok ? `: ${l.scenario.description}` : ''}\n`);
    }
    return EXIT_OK;
  }
  if (v['check'] === true) return check(v, io, usage);
  if (v['audit'] === true) return audit(v, io, usage);
  const whatIfArgs = v['what-if'] as string[] | undefined;
  if (whatIfArgs !== undefined) {
    // The what-if runs are seeded from a dump, not a scenario, and print judgements, not mdb text.
    for (const o of ['emit', 'scenario', 'no-dump', ...TUNABLES.filter((t) => t !== 'hz')]) {
      if (v[o] !== undefined) return usage(`--${o} cannot be used with --what-if (put tunables in --what-if NAME=VALUE; the what-if prints judgements, not mdb text)`);
    }
    return whatIfCmd(v, whatIfArgs, opts.positionals, io, usage);
  }
  if (v['patch'] !== undefined) return usage('--patch only applies to --what-if');
  if (opts.positionals.length > 0) return usage(`unexpected argument '${opts.positionals[0]}' (see playfair sim --help)`);
  return runOne(v, io, usage);
};

function runOne(v: Values, io: CliIO, usage: (m: string) => number): number {
  const name = (v['scenario'] as string | undefined) ?? 'illumos-1532';
  const l = loadScenario(name);
  if (!l.ok) return usage(l.errors.slice(0, 5).join('\n'));
  const scn = l.scenario;
  const changes: Record<string, number> = {};
  for (const k of TUNABLES) {
    const n = int(v[k], k, -(2 ** 31), 2 ** 31 - 1);
    if (typeof n === 'string') return usage(n);
    if (n !== undefined) changes[k] = n;
  }
  const tun = applyTunables({}, changes);
  if (!tun.ok) return usage(tun.message);
  const params: ParamInput = tun.input;
  const seed = int(v['seed'], 'seed', 0, 2 ** 32 - 1);
  if (typeof seed === 'string') return usage(seed);
  const hz = params.hz ?? scn.params?.hz ?? HZ_DEFAULT;
  const d = parseDuration((v['duration'] as string | undefined) ?? scn.defaultDuration ?? '60s', hz);
  if (!d.ok) return usage(d.message);
  const kinds = v['emit'] === undefined ? null : parseEmitKinds(v['emit'] as string);
  if (kinds !== null && !kinds.ok) return usage(kinds.message);
  const r = runScenario(scn, {
    seed: seed ?? 1,
    ticks: d.ticks,
    params,
    fastForward: v['exact'] !== true,
    debug: v['debug'] === true,
    dump: v['no-dump'] !== true,
  });
  if (!r.ok) return usage(r.errors.slice(0, 5).join('\n'));
  const sum = summarize(r.state);
  const summaryText = v['json'] === true ? JSON.stringify(sum, null, 2) + '\n' : formatSummary(sum);
  if (kinds !== null) {
    const mdb = scn.mdb ?? {};
    io.stdout.write(neutralize(emitTranscript(r.state, kinds.kinds, { autowrap: mdb.autowrap ?? null, withDesc: mdb.withDesc ?? false }), true));
    io.stderr.write(summaryText);
  } else io.stdout.write(summaryText);
  return EXIT_OK;
}

async function whatIfCmd(v: Values, args: string[], positionals: string[], io: CliIO, usage: (m: string) => number): Promise<number> {
  const changes: Record<string, number> = {};
  for (const a of args.flatMap((x) => x.split(','))) {
    const eq = a.indexOf('=');
    const key = a.slice(0, eq).trim();
    const val = a.slice(eq + 1).trim();
    if (eq <= 0 || !/^-?\d+$/.test(val)) return usage(`--what-if expects NAME=VALUE (e.g. kpreemptpri=99), got '${a}'`);
    changes[key] = Number(val);
  }
  const check = applyTunables({}, changes);
  if (!check.ok) return usage(check.message);
  if (positionals.length !== 1) return usage('--what-if needs one FILE (or - for stdin)');
  const seed = int(v['seed'], 'seed', 0, 2 ** 32 - 1);
  if (typeof seed === 'string') return usage(seed);
  const hz = int(v['hz'], 'hz', 1, 10000);
  if (typeof hz === 'string') return usage(hz);
  const patch = v['patch'];
  if (patch !== undefined && patch !== 'boot' && patch !== 'live') return usage(`--patch must be boot or live, got '${String(patch)}'`);
  const input = await readInput(positionals[0] as string, io, { maxInput: DEFAULT_MAX_INPUT });
  if (!input.ok) return usage(input.message);
  const analysis = analyzeText(input.text, { source: input.name, ...(hz !== undefined ? { rules: { assumedHz: hz } } : {}) });
  const r = whatIf(analysis, changes, {
    seed: seed ?? 1,
    ...(v['duration'] !== undefined ? { duration: v['duration'] as string } : {}),
    ...(hz !== undefined ? { assumeHz: hz } : {}),
    ...(patch !== undefined ? { kpreemptpri: patch } : {}),
  });
  if (v['json'] === true) io.stdout.write(JSON.stringify(r, null, 2) + '\n');
  else {
    io.stdout.write(neutralize(formatWhatIf(r), true));
    if (r.summary !== null) io.stdout.write(neutralize(`\nwith ${Object.entries(changes).map(([k, x]) => `${k}=${x}`).join(', ')}:\n${formatSummary(r.summary)}`, true));
    if (r.baseline !== null) io.stdout.write(neutralize(`\nunchanged:\n${formatSummary(r.baseline)}`, true));
  }
  return r.outcomes.some((o) => o.assessable && !o.cleared) ? EXIT_FINDINGS : EXIT_OK;
}

function check(v: Values, io: CliIO, usage: (m: string) => number): number {
  const seeds = int(v['seeds'] ?? '500', 'seeds', 1, 1_000_000);
  if (typeof seeds === 'string') return usage(seeds);
  const first = int(v['first-seed'] ?? '1', 'first-seed', 0, 2 ** 31);
  if (typeof first === 'string') return usage(first);
  const n = seeds as number;
  const f = first as number;
  const r = runCheck(f, n, (done) => {
    if (done % 50 === 0 && done < n) io.stderr.write(`sim --check: ${done}/${n} seeds\n`);
  });
  for (const m of r.mismatches) {
    io.stdout.write(neutralize(`seed ${m.seed}: ${m.kind} mismatch at ${m.field}: expected ${m.expected}, got ${m.actual}`) + '\n');
  }
  io.stdout.write(`sim --check: ${r.passed}/${r.seeds} seeds passed (seeds ${f}..${f + n - 1}: invariants, fast-forward = tick-by-tick, render/parse round trip)\n`);
  return r.mismatches.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function audit(v: Values, io: CliIO, usage: (m: string) => number): number {
  const seeds = int(v['seeds'] ?? '500', 'seeds', 1, 1_000_000);
  if (typeof seeds === 'string') return usage(seeds);
  const first = int(v['first-seed'] ?? '1', 'first-seed', 0, 2 ** 31);
  if (typeof first === 'string') return usage(first);
  const f = first as number;
  const r = runAudit(f, seeds as number, (done, total) => {
    if (done % 50 === 0 && done < total) io.stderr.write(`sim --audit: ${done}/${total} runs\n`);
  });
  io.stdout.write(neutralize(formatAudit(r, f), true));
  return r.falseAlarms.length + r.misses.length + r.harness.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
