// ::help [dcmd], ::dcmds and ::quit: the prompt describes the dcmds it answers from its own table,
// so the help cannot list a dcmd that is not there or miss one that is.
import { fail, type Dcmd } from './types.ts';

export function synopsis(d: Dcmd): string {
  const at = d.addrUsage === 'required' ? 'ADDR' : d.addrUsage === 'optional' ? '[ADDR]' : '';
  const sep = d.name.startsWith('$') ? '' : '::';
  return `${at}${sep}${d.name}${d.usage === '' ? '' : ' ' + d.usage}`;
}

function table(dcmds: readonly Dcmd[]): string[] {
  const w = Math.max(...dcmds.map((d) => synopsis(d).length));
  return dcmds.map((d) => `  ${synopsis(d).padEnd(w)}  - ${d.description}`);
}

export const help: Dcmd = {
  name: 'help',
  usage: '[dcmd]',
  addrUsage: 'none',
  description: 'list the dcmds, or describe one',
  opts: { flags: '', valued: '' },
  pipes: false,
  run(ctx, inv) {
    const name = inv.opts.rest[0];
    if (name === undefined) {
      return {
        lines: [
          'Commands answered from the loaded snapshot:',
          ...table(ctx.dcmds),
          'Pipes: ::walk thread, ADDR::walk blocked, ::threadlist, ::stacks and ::print MEMBER write addresses (| ::findstack -v, | ::print ...).',
          'NAME/D (/U /X /J /K /E /e) and NAME::print [-dt] print a tunable the input showed (kpreemptpri/D, hz::print -d).',
          'Anything else is refused: a snapshot holds only what the input showed.',
        ],
      };
    }
    const bare = name.replace(/^::/, '');
    const d = ctx.dcmds.find((x) => x.name === bare);
    if (d === undefined) return fail(`unknown dcmd name '${bare}' (::dcmds lists what is answered)`);
    return { lines: ['', 'NAME', `  ${d.name} - ${d.description}`, '', 'SYNOPSIS', `  ${synopsis(d)}`, ''] };
  },
};

export const dcmdsList: Dcmd = {
  name: 'dcmds',
  usage: '',
  addrUsage: 'none',
  description: 'list the dcmds answered from a snapshot',
  opts: { flags: '', valued: '' },
  pipes: false,
  run: (ctx) => ({ lines: table(ctx.dcmds) }),
};

/** `::quit` and `$q`: the caller leaves the prompt (commands.ts turns this into `quit`). */
export const quit: Dcmd = {
  name: 'quit',
  usage: '',
  addrUsage: 'none',
  description: 'leave the prompt (also $q)',
  opts: { flags: '', valued: '' },
  pipes: false,
  run: () => ({ lines: [] }),
};
