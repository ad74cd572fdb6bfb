// Markup around pasted output: Markdown fences, HTML `<pre>`, Jira `{noformat}`/`{code}`, BBCode
// `[code]`, Org-mode `#+BEGIN_EXAMPLE`. Such a line is neither output nor a problem in it; what it says is where a block of
// pasted text opens or closes.

/** `open` and `close` say which; `toggle` marks (fences, Jira) open when none is open, else close. */
export type Decoration = 'open' | 'close' | 'toggle';

const OPEN_TAGS = ['<pre>', '<code>', '<pre><code>', '[code]', '<blockquote>'];
const CLOSE_TAGS = ['</pre>', '</code>', '</code></pre>', '[/code]', '</blockquote>'];

/** A fence: three or more backticks or tildes, then maybe a language word, nothing else. */
function isFence(t: string): boolean {
  const c = t[0];
  if (c !== '`' && c !== '~') return false;
  let i = 0;
  while (i < t.length && t[i] === c) i++;
  if (i < 3) return false;
  for (; i < t.length; i++) {
    const k = t.charCodeAt(i);
    const word = (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 45 || k === 95 || k === 43;
    if (!word) return false;
  }
  return true;
}

/** `{noformat}`, `{code}`, `{code:none}`, `{code:title=x.txt}`: a Jira block mark alone on its line. */
function isJira(t: string): boolean {
  if (t === '{noformat}' || t === '{code}' || t === '{quote}') return true;
  return (t.startsWith('{code:') || t.startsWith('{noformat:')) && t.endsWith('}') && !t.slice(1, -1).includes('}');
}

/** `#+BEGIN_EXAMPLE`, `#+begin_src sh`, `#+END_EXAMPLE`: an Org-mode block mark (an Emacs user's notes or mail). */
function orgBlock(t: string): Decoration | null {
  if (!t.startsWith('#+') || t.length > 40) return null;
  const u = t.toUpperCase();
  const begin = (name: string) => u === name || u.startsWith(name + ' ');
  if (begin('#+BEGIN_EXAMPLE') || begin('#+BEGIN_SRC') || u === '#+BEGIN_QUOTE') return 'open';
  if (u === '#+END_EXAMPLE' || u === '#+END_SRC' || u === '#+END_QUOTE') return 'close';
  return null;
}

/** `<pre class="x">`: an opening pre tag with attributes. */
function isPreWithAttrs(t: string): boolean {
  return t.startsWith('<pre ') && t.endsWith('>') && !t.slice(1, -1).includes('>');
}

/** The decoration a whole line is, or null when it carries anything else. */
export function decorationOf(line: string): Decoration | null {
  const t = line.trim();
  if (t.length < 3 || t.length > 200) return null;
  if (isFence(t) || isJira(t)) return 'toggle';
  if (OPEN_TAGS.includes(t) || isPreWithAttrs(t)) return 'open';
  if (CLOSE_TAGS.includes(t)) return 'close';
  return orgBlock(t);
}

const FENCE = '```';

/**
 * A line with an HTML tag, a Jira mark or a chat's code fence stuck to its output (`<pre>> ::cpuinfo`,
 * `... thread_start+8()</pre>`; Slack keeps a block's three backticks on its first and last
 * line): the output without the mark, and which way it went; null when the line has no such
 * mark. mdb prints no three backticks in a row, so a fence stuck to a line is the paste's.
 */
export function stripInlineTag(line: string): { text: string; tag: 'open' | 'close' } | null {
  for (const tag of ['<pre><code>', '<pre>', '<code>']) {
    if (line.startsWith(tag) && line.length > tag.length) return { text: line.slice(tag.length), tag: 'open' };
  }
  for (const tag of ['</code></pre>', '</pre>', '</code>']) {
    if (line.endsWith(tag) && line.trim().length > tag.length) return { text: line.slice(0, line.length - tag.length), tag: 'close' };
  }
  const jira = stuckJira(line);
  if (jira !== null) return jira;
  // A fence at both ends is inline code in a sentence, not a block.
  const stuck = line.trim().length > FENCE.length;
  const opens = stuck && line.startsWith(FENCE) && line.charCodeAt(3) !== 96;
  const closes = stuck && line.endsWith(FENCE) && line.charCodeAt(line.length - 4) !== 96;
  if (opens && !closes) return { text: line.slice(3), tag: 'open' };
  if (closes && !opens) return { text: line.slice(0, -3), tag: 'close' };
  return null;
}

/**
 * A Jira block mark stuck to output (`{noformat}> ::cpuinfo -v`, `{code:none}  ID ADDR ...`, or
 * `... thread_start+8(){noformat}`): Jira reads the text after an opening mark on its line as the
 * block's first line. mdb prints no `{noformat}` or `{code`.
 */
function stuckJira(line: string): { text: string; tag: 'open' | 'close' } | null {
  if (line.startsWith('{noformat') || line.startsWith('{code')) {
    const end = line.indexOf('}');
    if (end > 0 && end < line.length - 1 && isJira(line.slice(0, end + 1))) return { text: line.slice(end + 1), tag: 'open' };
  }
  for (const mark of ['{noformat}', '{code}']) {
    if (line.endsWith(mark) && line.trim().length > mark.length) return { text: line.slice(0, line.length - mark.length), tag: 'close' };
  }
  return null;
}

/**
 * The line without an HTML line break at its end (`<br>`, `<br/>`, `<br />`, any case), as a
 * page's source or an export holds every line of a pasted transcript; the very line when it has
 * none. mdb prints no `<br` tag.
 */
export function withoutBreakTag(line: string): string {
  if (line.charCodeAt(line.length - 1) !== 62) return line;
  const open = line.lastIndexOf('<');
  if (open < 0 || line.length - open > 6) return line;
  const tag = line.slice(open + 1, -1).replaceAll(' ', '').toLowerCase();
  return tag === 'br' || tag === 'br/' ? line.slice(0, open) : line;
}
