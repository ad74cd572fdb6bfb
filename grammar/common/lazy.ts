// lazy(): a module-level parser or lexer that is built on first use, so start-up does not pay for
// grammars whose sections never appear in the input. Call sites keep using it as the instance.

/**
 * A stand-in for the value `make()` returns, built the first time any property is touched.
 * Methods are bound to the real instance (cached), so their own `this.x` accesses are direct and
 * only the outer call goes through the proxy.
 */
export function lazy<T extends object>(make: () => T): T {
  let inst: T | undefined;
  const bound = new Map<PropertyKey, unknown>();
  const get = (): T => (inst ??= make());
  return new Proxy({} as T, {
    get(_t, prop) {
      const target = get();
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      let b = bound.get(prop);
      if (b === undefined || (b as { orig?: unknown }).orig !== v) {
        const fn = (v as (...a: unknown[]) => unknown).bind(target) as ((...a: unknown[]) => unknown) & { orig?: unknown };
        fn.orig = v;
        bound.set(prop, fn);
        b = fn;
      }
      return b;
    },
    set(_t, prop, value) {
      return Reflect.set(get(), prop, value, get());
    },
    has(_t, prop) {
      return Reflect.has(get(), prop);
    },
    getPrototypeOf() {
      return Reflect.getPrototypeOf(get());
    },
  });
}
