// Demangled C++ and Rust names in every stack grammar, and the scanner that finds where such a
// name ends (it must stay linear on hostile lines).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { demangledEnd } from '../../grammar/frames/demangled.ts';
import { parseFramesLine } from '../../grammar/frames/index.ts';
import type { StackRecord, StacksGroupRecord } from '../../grammar/records.ts';

const a = analyzeText(readFileSync(new URL('../../fixtures/handwritten/reading/demangled-frames.txt', import.meta.url), 'utf8'));
const name = (s: string) => {
  const e = demangledEnd(s, 0);
  return e < 0 ? null : s.slice(0, e);
};

describe('demangled names through the splitter', () => {
  it('reads every line of ::findstack -v, ::stacks and $c', () => {
    expect(a.accounting).toEqual({ lines: 15, parsed: 15, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => [s.kind, s.status])).toEqual([
      ['findstack', 'ok'],
      ['stacks', 'ok'],
      ['frames', 'ok'],
    ]);
  });

  it('keeps templates, trait impls, closures with their hash, and marks a tail call', () => {
    const s = a.records[0] as StackRecord;
    expect(s.frames.map((f) => [f.func, f.offset, f.args, f.tailCall ?? false])).toEqual([
      ['std::vector<int, std::allocator<int> >::push_back(int const&)', 0x66, ['1', '2'], false],
      // a space before `+0x12`
      ['<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop', 0x12, ['0'], false],
      ['tokio::runtime::task::harness::poll_future::{{closure}}::h1a2b3c4d5e6f7a8b', 0x2a, [], false],
      ['core::ptr::drop_in_place', 0x10, [], true],
    ]);
    const g = a.records[1] as StacksGroupRecord;
    expect(g.frames.map((f) => [f.func, f.offset])).toEqual([
      ['std::vector<int, std::allocator<int> >::push_back(int const&)', 0x66],
      ['Foo::operator()(int) const', 8],
    ]);
    const c = a.records[2] as StackRecord;
    expect(c.frames.map((f) => [f.func, f.offset, f.args])).toEqual([
      ['std::sys::unix::thread::Thread::new::thread_start', 0x1d, ['0']],
      ['(anonymous namespace)::run(int)', 0x1c, ['3']],
    ]);
  });
});

describe('where a demangled name ends', () => {
  it('stops before the offset and before the argument list, not before a parameter list', () => {
    expect(name('ns::f(int)+0x10(1)')).toBe('ns::f(int)');
    expect(name('ns::f(1, 2)')).toBe('ns::f');
    expect(name('ns::f()')).toBe('ns::f');
    expect(name('Foo::~Foo()+0x10()')).toBe('Foo::~Foo()');
    expect(name('operator new(unsigned long)+0x1c(10)')).toBe('operator new(unsigned long)');
    expect(name('std::ostream& std::operator<< <std::char_traits<char> >(std::ostream&, char const*)+0x20()')).toBe(
      'std::ostream& std::operator<< <std::char_traits<char> >(std::ostream&, char const*)',
    );
  });

  it('leaves plain C symbols to the ordinary token', () => {
    expect(name('swtch+0x1e6()')).toBeNull();
    expect(name('libc.so.1`__lwp_park+0x17()')).toBeNull();
    expect(name('_ZN4core3ptr13drop_in_place17h0123456789abcdefE+0x10')).toBeNull();
  });

  it('does not take an unclosed bracket into a name', () => {
    expect(name('a::b<c+0x10')).toBe('a::b');
    expect(parseFramesLine('ffffffff a::b<c+0x10()').parseErrors.length + parseFramesLine('ffffffff a::b<c+0x10()').lexErrors.length).toBeGreaterThan(0);
  });

  it('stays linear on long hostile lines', () => {
    for (const unit of ['a& b& ', 'a< ', 'x::y(', '~a::b< ', '(anonymous namespace)::']) {
      const line = 'ffffffff ' + unit.repeat(Math.ceil(20000 / unit.length));
      const t = performance.now();
      parseFramesLine(line);
      // Quadratic scanning took seconds here; linear takes a few tens of milliseconds.
      expect(performance.now() - t, unit).toBeLessThan(1500);
    }
  });
});
