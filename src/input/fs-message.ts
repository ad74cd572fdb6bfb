// File-system errors worded for the user (no errno jargon, no stack).

export function fsMessage(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a component of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot read (${typeof code === 'string' ? code : e instanceof Error ? e.message : String(e)})`;
  }
}
